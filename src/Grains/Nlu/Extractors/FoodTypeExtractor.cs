using System.Text.RegularExpressions;
using Naviyam.Lexicons;
using Naviyam.Preprocessing;

namespace Naviyam.Nlu.Extractors;

/// <summary>food_type: the food the message asks for; the foods it turns down become exclusions.</summary>
internal sealed partial class FoodTypeExtractor(FoodLexicon foods, Ingredients ingredients, RejectionGrammar rejection)
{
    /// <summary>
    /// The foods the message names, except the words of a dietary restriction (고기 in 돼지고기 빼고), one-syllable
    /// foods used as verbs (죽을 것 같아) and spellings that are parts of other words.
    /// </summary>
    public IReadOnlyList<FoodMention> Mentions(PreprocessedText text, DietStatement diet)
    {
        var compact = text.Compact;
        var wordStarts = FoodLexicon.WordStarts(text.Normalized);
        return foods.FindAll(text)
            .Where(m => !diet.Covers(m.Start, m.End) && !IsVerbNotFood(compact, wordStarts, m) && !IsPartOfOtherWords(wordStarts, m))
            .ToList();
    }

    /// <summary>
    /// The food asked for and the foods turned down (피자 말고 치킨 → 치킨, and 피자 to exclude). A food only reported (어제
    /// 피자 먹었어) is neither.
    /// </summary>
    public FoodChoice Choose(string compact, IReadOnlyList<FoodMention> mentions)
    {
        var turnedDown = new List<string>();
        var wanted = new List<FoodMention>();
        var rejected = new List<FoodMention>();
        foreach (var mention in mentions)
        {
            if (rejection.IsRejectedAfter(compact, mention.End) || RejectionGrammar.IsNegatedBefore(compact, mention.Start))
            {
                rejected.Add(mention);
            }
            else if (!IsReportedOrReplaced(compact, mention.End) || WantedAgain().IsMatch(compact))
            {
                wanted.Add(mention);
            }
        }
        foreach (var mention in rejected)
        {
            // "치맥 말고 치킨만": the compound is turned down for its other half while the food itself, said by its
            // own name, is wanted.
            if (mention.Surface != mention.Term.Name
                && wanted.Any(w => w.Term.Name == mention.Term.Name && w.Surface == w.Term.Name))
            {
                continue;
            }
            // 김치 빼주세요: a side or topping that is also a dish name is the ingredient, as said.
            turnedDown.AddOnce(ingredients.Contains(mention.Surface) ? mention.Surface : mention.Term.Name);
        }
        // The first food wanted (two wanted foods → the first one mentioned). A food turned down anywhere in the
        // message is not the one asked for (치킨은 어제 먹었으니까 치킨 빼고).
        var foodType = wanted.FirstOrDefault(m => !turnedDown.Contains(m.Term.Name))?.Term.Name;
        return new FoodChoice(foodType, turnedDown);
    }

    /// <summary>
    /// A food only reported (어제 피자 먹었어, 급식으로 카레 나왔어, 라면 하나 없어) or being swapped out (감자튀김 대신
    /// 치즈스틱) is not the one asked for.
    /// </summary>
    private static bool IsReportedOrReplaced(string compact, int end) =>
        ReportedFood().IsMatch(compact.AsSpan(end).ToString());

    /// <summary>
    /// A match that is no word of the user's: a misspelling inside a longer word (대치동 is no 치돈), a common word one
    /// letter from a food (공짜, 타고), or a spelling across two words (조용한 식당 is no 한식당).
    /// </summary>
    private bool IsPartOfOtherWords(bool[] wordStarts, FoodMention mention)
    {
        var typo = !foods.TryGet(mention.Surface, out _);
        if (typo && (!wordStarts[mention.Start] || TypoLookalikes.Contains(mention.Surface)))
        {
            return true;
        }
        return !wordStarts[mention.Start] && wordStarts.AsSpan(mention.Start + 1, mention.End - mention.Start - 1).Contains(true);
    }

    private static readonly HashSet<string> TypoLookalikes = new(StringComparer.Ordinal) { "공짜", "타고", "타구", "피차" };

    /// <summary>
    /// A one-syllable food inside a longer word or used as a verb: 등가죽 and 굶어 죽을 것 같아 are not 죽.
    /// </summary>
    private static bool IsVerbNotFood(string compact, bool[] wordStarts, FoodMention mention)
    {
        if (mention.End - mention.Start != 1)
        {
            return false;
        }
        if (!wordStarts[mention.Start])
        {
            return true;
        }
        var after = compact.AsSpan(mention.End);
        return after.StartsWith("을") || after.StartsWith("겠") || after.StartsWith("는") || after.StartsWith("어")
            || after.StartsWith("었") || after.StartsWith("일") || after.StartsWith("고") || after.StartsWith("기");
    }

    // After a food: it was eaten or served before (먹었, 먹고 왔음, 나왔어, 였다), ran out or is missing (떨어졌어, 하나 없어,
    // 밖에 없어), or it is being swapped out (대신).
    [GeneratedRegex(@"^(?:은|는|이|가|을|를|도|만|으로|로)?[가-힣0-9]{0,8}?(?:먹었|묵었|먹고왔|먹다가|였다|였어|였음|이었|나왔|해줬|해준|갔었|버텼|떨어졌|잘끓)|^(?:하나|하나도|도|밖에|도하나)?없(?:어|음|다|네|고|어서)(?![?요]*\?)|^도못(?:사|가)|^(?:을|를)?대신")]
    private static partial Regex ReportedFood();

    // 어제도 마라탕 먹었는데 또 먹고 싶어: the food reported is wanted again.
    [GeneratedRegex(@"(?:또|다시)(?:먹고싶|먹을래|먹을까|먹고파|땡겨)")]
    private static partial Regex WantedAgain();
}

/// <summary>The food asked for, if any, and the foods turned down, as said (a side that is also a dish: the side).</summary>
internal sealed record FoodChoice(string? FoodType, IReadOnlyList<string> TurnedDown);
