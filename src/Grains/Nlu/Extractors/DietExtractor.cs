using System.Text.RegularExpressions;
using Naviyam.Lexicons;
using Naviyam.Preprocessing;

namespace Naviyam.Nlu.Extractors;

/// <summary>
/// dietary_restrictions: allergies (새우 알레르기), vegan, vegetarian, halal, no pork, beef or seafood, lactose-free and no
/// wheat. The patterns are here; which allergens exist and which words a no-seafood statement lists are <c>diet.json</c>'s.
/// </summary>
internal sealed partial class DietExtractor(FoodLexicon foods, Ingredients ingredients, DietLexicon lexicon)
{
    /// <summary>The restrictions the message states, each with the words that said it.</summary>
    public DietStatement Extract(PreprocessedText text)
    {
        var compact = text.Compact;
        var diet = new DietStatement();
        foreach (Match allergy in AllergyWord().Matches(compact))
        {
            if (Allergen(compact, allergy.Index) is { } what)
            {
                diet.Add("allergy:" + what, compact, what);
            }
        }
        if (Vegan().IsMatch(compact))
        {
            diet.Add("vegan", compact);
        }
        if (compact.Contains("채식", StringComparison.Ordinal) || compact.Contains("베지테리언", StringComparison.Ordinal))
        {
            diet.Add("vegetarian", compact);
        }
        if (compact.Contains("할랄", StringComparison.Ordinal))
        {
            diet.Add("halal", compact);
        }
        if (NoPork().IsMatch(compact))
        {
            diet.Add("no_pork", compact, "돼지고기");
        }
        if (NoBeef().IsMatch(compact))
        {
            diet.Add("no_beef", compact, "소고기", "쇠고기");
        }
        if (NoSeafood().IsMatch(compact))
        {
            diet.Add("no_seafood", compact, [.. lexicon.SaidWith("no_seafood")]);
        }
        if (!diet.Items.Contains("allergy:우유")
            && (compact.Contains("유당", StringComparison.Ordinal) || compact.Contains("락토프리", StringComparison.Ordinal)
                || NoDairy().IsMatch(compact)))
        {
            diet.Add("lactose_free", compact, "우유", "유제품");
        }
        if (NoWheat().IsMatch(compact))
        {
            diet.Add("allergy:밀가루", compact, "밀가루");
        }
        return diet;
    }

    /// <summary>
    /// The food an allergy is to: the known food or ingredient right before 알레르기 (친구 중에 새우 알레르기 → 새우),
    /// else the one asked about (땅콩 들어가요? 알레르기 있어요 → 땅콩).
    /// </summary>
    private string? Allergen(string compact, int allergyAt)
    {
        var before = compact[..allergyAt];
        foreach (var particle in (string[])["에", "가", "이", "는", "도", "은"])
        {
            if (before.EndsWith(particle, StringComparison.Ordinal) && KnownAllergen(before[..^1], out _))
            {
                before = before[..^1];
                break;
            }
        }
        if (KnownAllergen(before, out var allergen))
        {
            return allergen;
        }
        var asked = AskedIngredient().Matches(before);
        for (var k = asked.Count - 1; k >= 0; k--)
        {
            var head = before[..asked[k].Index];
            foreach (var particle in (string[])["이", "가", "은", "는", "도"])
            {
                if (head.EndsWith(particle, StringComparison.Ordinal) && KnownAllergen(head[..^1], out _))
                {
                    head = head[..^1];
                    break;
                }
            }
            if (KnownAllergen(head, out allergen))
            {
                return allergen;
            }
        }
        return null;
    }

    /// <summary>Whether the text ends with a known allergen, food or ingredient (the longest one).</summary>
    private bool KnownAllergen(string text, out string allergen)
    {
        allergen = "";
        foreach (var word in lexicon.Allergens.Concat(ingredients.LongestFirst).Concat(foods.Surfaces).OrderByDescending(w => w.Length))
        {
            if (word.Length > 0 && text.EndsWith(word, StringComparison.Ordinal))
            {
                allergen = foods.TryGet(word, out var term) && !lexicon.Allergens.Contains(word) ? term.Name : word;
                return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"알레르기|알러지|알르레기|알레르지|알러쥐")]
    private static partial Regex AllergyWord();

    // The ingredient a question is about: 땅콩 들어가요?, 우유 들어있어?
    [GeneratedRegex(@"(?:들어가|들어있|들었|넣)")]
    private static partial Regex AskedIngredient();

    [GeneratedRegex(@"비건|vegan|완전채식", RegexOptions.IgnoreCase)]
    private static partial Regex Vegan();

    // Refusing, avoiding or asking about an ingredient: 돼지고기 빼고, 못 먹어, 안 드셔, 안 쓰는, 들어가요?
    private const string Avoid = @"(?:은|는|을|를|이|가|도)?(?:빼|말고|못|안|싫|없|들어가|들어있|들었|넣지|금지|제외|x|X)";

    [GeneratedRegex(@"돼지고기" + Avoid)]
    private static partial Regex NoPork();

    [GeneratedRegex(@"(?:소고기|쇠고기)" + Avoid)]
    private static partial Regex NoBeef();

    [GeneratedRegex(@"(?:해산물|해물|어패류)(?:은|는|을|를|이|도)?(?:빼|말고|못|안|싫|없|제외)")]
    private static partial Regex NoSeafood();

    // 우유 못 먹어, 유제품 없는 걸로, 우유 빼고 (but 우유 들어가요? alone is a question, not a restriction)
    [GeneratedRegex(@"(?:우유|유제품)(?:은|는|을|를|이|가|도)?(?:빼|말고|못|안|없|먹으면배|마시면배)")]
    private static partial Regex NoDairy();

    [GeneratedRegex(@"밀가루(?:은|는|를|가|도)?(?:빼|말고|못먹|안들어|없는|없이|안먹)")]
    private static partial Regex NoWheat();
}

/// <summary>The restrictions a message states, and where their words stand in it.</summary>
internal sealed class DietStatement
{
    private readonly List<(int Start, int End)> spans = [];
    private readonly HashSet<string> words = new(StringComparer.Ordinal);

    public List<string> Items { get; } = [];

    public void Add(string item, string compact, params string[] triggers)
    {
        Items.AddOnce(item);
        foreach (var trigger in triggers)
        {
            words.Add(trigger);
            for (var at = compact.IndexOf(trigger, StringComparison.Ordinal); at >= 0;
                 at = compact.IndexOf(trigger, at + 1, StringComparison.Ordinal))
            {
                spans.Add((at, at + trigger.Length));
            }
        }
    }

    /// <summary>Whether a food found at [start, end) is the very word of a restriction (고기 in 돼지고기 빼고).</summary>
    public bool Covers(int start, int end) => spans.Any(s => start < s.End && s.Start < end);

    /// <summary>Dietary items are not repeated in exclusions.</summary>
    public bool Mentions(string exclusion) => words.Contains(exclusion);
}
