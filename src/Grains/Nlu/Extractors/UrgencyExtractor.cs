using System.Text.RegularExpressions;
using Naviyam.Chat;
using Naviyam.Lexicons;
using Naviyam.Preprocessing;

namespace Naviyam.Nlu.Extractors;

/// <summary>urgency, from <c>cues.json</c>'s hunger, hurry, calm and later phrases and a few patterns.</summary>
internal sealed partial class UrgencyExtractor(CueLexicon cues)
{
    /// <summary>
    /// high for stated hunger, physical signs of it, a skipped meal or a hurry to eat; low when the user says
    /// there is no hurry (천천히, 안 급해, 이따 먹을 거). A hurry that is only a time limit (10분 안에), a wish
    /// (방학 빨리 왔으면) or a question about the shop (바로 나와?) is none.
    /// </summary>
    public string? Extract(PreprocessedText text, IReadOnlyList<FoodMention> mentions)
    {
        var compact = text.Compact;
        var calm = cues.Any("calm", compact);
        foreach (var phrase in cues["calm"])
        {
            compact = compact.Replace(phrase, new string('_', phrase.Length), StringComparison.Ordinal);
        }
        compact = NotOwnHunger().Replace(compact, m => new string('_', m.Length));
        // Hurry words inside food names (꿔바로우 is no 바로), time limits, wishes and questions about the shop.
        var hurryText = compact.ToCharArray();
        foreach (var mention in mentions)
        {
            hurryText.AsSpan(mention.Start, mention.End - mention.Start).Fill('_');
        }
        var hurry = NotAHurry().Replace(new string(hurryText), m => new string('_', m.Length));
        // Emoji stand for hunger or hurry only when the message has no words (🤤, ⏰⏰); beside words they decorate.
        var emojiOnly = !text.Compact.Any(c => c is >= '가' and <= '힣');

        if (cues.Any("hunger", compact) || HungerPhrase().IsMatch(compact) || cues.Any("urgency_high", compact)
            || ShakingHands().IsMatch(compact) || SkippedMeal(compact) || MissedMeals().IsMatch(compact)
            || cues.Any("hurry", hurry)
            || emojiOnly && (text.Has(Signals.Hunger) || text.Has(Signals.Hurry) || text.Has(Signals.SkippedMeal)))
        {
            return Urgency.High;
        }
        if (calm || cues.Any("later", compact.Replace("이따위", "___", StringComparison.Ordinal)) && KoreanPatterns.EatingPlan().IsMatch(compact))
        {
            return Urgency.Low;
        }
        return null;
    }

    /// <summary>A skipped-meal phrase that is not about the future (못 먹을 것 같아), a condition or a taste (매운 거 잘 못 먹음).</summary>
    private bool SkippedMeal(string compact)
    {
        foreach (var phrase in cues["skipped_meal"])
        {
            for (var at = compact.IndexOf(phrase, StringComparison.Ordinal); at >= 0;
                 at = compact.IndexOf(phrase, at + 1, StringComparison.Ordinal))
            {
                var after = compact.AsSpan(at + phrase.Length);
                var before = compact.AsSpan(0, at);
                if (after.StartsWith("을") || after.StartsWith("으면") || before.EndsWith("잘") || before.EndsWith("거")
                    || before.EndsWith("걸") || before.EndsWith("건") || before.EndsWith("없으면밥") || before.EndsWith("면"))
                {
                    continue;
                }
                return true;
            }
        }
        return false;
    }

    // 배가 너무 고파요, 배는 왜 이렇게 고프냐, 배가 고픈데 (but not 배고플 것 같아: future)
    [GeneratedRegex(@"배(?:가|는|도)?(?:너무|넘|진짜|정말|왜|이렇게|좀|완전|많이|엄청|개|겁나|존나|막)*고(?:프|파|픈|팠|퍼|퐈)")]
    private static partial Regex HungerPhrase();

    [GeneratedRegex(@"손.{0,6}떨(?:려|리|림)")]
    private static partial Regex ShakingHands();

    // 아침 안 먹고 왔어, 밥을 잘 못 먹고 있어요, 아침 점심 다 패스함, 이틀 동안 라면 하나 먹었어요
    [GeneratedRegex(@"(?:아침|점심|저녁|밥|급식|끼니|한끼)(?:을|를|도|은|는|이)?(?:다|잘|제대로|통|자주)?(?:못|안)(?:먹고|먹었|먹음|먹어서|먹는|먹었어|먹어요?(?=$|[.!~ㅠㅜ]))|(?:아침|점심|저녁|끼니|밥)(?:도|은|는|이랑|다)*(?:다)?(?:패스|스킵|걸러|건너뛰)|(?:하루종일|이틀|사흘|며칠|일주일).{0,12}?(?:하나|한개|조금)(?:만|밖에)?먹었|(?:계속|며칠|요즘|자꾸|며칠째)(?:밥을?|밥도)?(?:잘)?못먹")]
    private static partial Regex MissedMeals();

    // 10분 안에 is a time limit; 빨리 왔으면 a wish; 바로 나와? / 빨리 와?? a question about the shop.
    [GeneratedRegex(@"\d{1,3}분(?:안에|안으로|내로|이내|내에|만에)|(?:빨리|얼른)(?:왔으면|됐으면|끝났으면|오면좋겠|지나갔으면)|(?:바로|빨리)(?:나와|나오나|나와요|와|오나|와요|되나|돼)\?")]
    private static partial Regex NotAHurry();

    // Asking the bot whether it is hungry (로봇도 배고파?, 너도 배고파?).
    // Also hunger to come: 굶어야 하나, 굶게 생겼어 (a worry, not a stated hunger).
    [GeneratedRegex(@"(?:너|넌|로봇|챗봇|너네|나비얌)(?:도|는|은)?배고[파프]|굶(?:어야|게생|을까|을수|지마|지않)")]
    private static partial Regex NotOwnHunger();
}
