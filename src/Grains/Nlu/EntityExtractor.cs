using System.Text.RegularExpressions;
using Naviyam.Chat;
using Naviyam.Lexicons;
using Naviyam.Preprocessing;

namespace Naviyam.Nlu;

/// <summary>
/// Pulls the spec's nine entity types out of one message with lexicons and a few patterns.
/// Only what the text says: nothing is inferred from the intent.
/// </summary>
public sealed partial class EntityExtractor(FoodLexicon foods, CueLexicon cues, PlaceGazetteer places)
{
    private readonly TimePhraseFinder timePhrases = new(cues);

    // Dishes that look like place names (카츠동, 슬러시) are never a location.
    private readonly Func<string, bool> isFoodWord = name => foods.TryGet(name, out _);

    private static readonly string[] Particles = ["은", "는", "이", "가", "을", "를", "도", "만", "류", "종류", "같은거", "같은건", "같은", "는좀", "은좀", "좀"];

    public Entities Extract(PreprocessedText text)
    {
        var compact = text.Compact;
        var exclusions = new List<string>();
        string? foodType = null;

        foreach (var mention in foods.FindAll(text))
        {
            if (IsNegatedAfter(compact, mention.End) || IsNegatedBefore(compact, mention.Start))
            {
                AddOnce(exclusions, mention.Term.Name);
            }
            else
            {
                foodType ??= mention.Term.Name;
            }
        }

        var taste = ExtractTaste(text, exclusions);
        var budget = BudgetParser.Parse(text.Normalized);
        int? budgetAmount = budget?.Amount;
        var budgetKind = budget?.Kind;
        if (budget is null && (NoMoney().IsMatch(compact) || text.Has(Signals.NoMoney) && !NoFoodOnly().IsMatch(compact)))
        {
            budgetAmount = 0;
            budgetKind = BudgetKinds.Exact;
        }

        return new Entities
        {
            FoodType = foodType,
            Budget = budgetAmount,
            BudgetKind = budgetKind,
            LocationPreference = places.Find(text.Normalized, compact, isFoodWord),
            TimePreference = timePhrases.Find(text.Normalized),
            TastePreference = taste,
            Companions = ExtractCompanions(text.Normalized, compact),
            Urgency = ExtractUrgency(text, compact),
            DietaryRestrictions = ExtractDiet(compact) is { Count: > 0 } diet ? diet : null,
            PortionSize = cues.Any("portion_large", compact) ? PortionSizes.Large
                : cues.Any("portion_small", compact) ? PortionSizes.Small : null,
            Exclusions = exclusions.Count > 0 ? exclusions : null,
        };
    }

    private bool IsNegatedAfter(string compact, int end)
    {
        var i = end;
        // Skip particles and "거/건" (피자는 싫어, 매운 거 말고).
        foreach (var particle in Particles)
        {
            if (compact.AsSpan(i).StartsWith(particle))
            {
                i += particle.Length;
                break;
            }
        }
        return cues.StartsAt("negation", compact, i, out _)
            || compact.AsSpan(i).StartsWith("안먹") || compact.AsSpan(i).StartsWith("못먹")
            || compact.AsSpan(i).StartsWith("질려") || compact.AsSpan(i).StartsWith("물려");
    }

    // "제외 피자" is rare but "안 먹고 싶은 건 피자" style ordering exists; both read as a rejection.
    private static bool IsNegatedBefore(string compact, int start) =>
        compact.AsSpan(0, start).EndsWith("제외") || compact.AsSpan(0, start).EndsWith("싫은건");

    private string? ExtractTaste(PreprocessedText text, List<string> exclusions)
    {
        var compact = text.Compact;
        // Longest phrase first, so "매운거말고" (→ 안 매운) wins over the "매운" inside it.
        foreach (var (alias, tasteWord) in tasteAliases)
        {
            var at = compact.IndexOf(alias, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }
            var word = tasteWord;
            var negative = word.StartsWith("안 ", StringComparison.Ordinal);
            if (!negative)
            {
                // "안 매운" spelled in a way the lexicon lacks, or "매운 거 싫어": the opposite is meant.
                var afterWord = at + alias.Length;
                if (afterWord < compact.Length && compact[afterWord] is '거' or '건' or '걸' or '것')
                {
                    afterWord++;
                }
                negative = at >= 1 && compact[at - 1] == '안' || IsNegatedAfter(compact, afterWord);
                word = negative ? "안 " + word : word;
            }
            if (negative)
            {
                AddOnce(exclusions, word[2..]);
            }
            return word;
        }
        return null;
    }

    private readonly (string Alias, string Word)[] tasteAliases = cues.Tastes
        .SelectMany(t => t.Aliases.Append(t.Word).Select(a => (Alias: CueLexicon.Compact(a), t.Word)))
        .Where(p => p.Alias.Length > 0)
        .DistinctBy(p => p.Alias)
        .OrderByDescending(p => p.Alias.Length)
        .ToArray();


    private static Companions? ExtractCompanions(string normalized, string compact)
    {
        var count = HeadCount().Match(normalized);
        if (count.Success)
        {
            var n = ParseSmallNumber(count.Groups["n"].Value);
            if (n is > 0 and < 200)
            {
                return Companions.OfCount(n.Value);
            }
        }
        var together = TogetherCount().Match(compact);
        if (together.Success)
        {
            return Companions.OfCount(together.Groups["n"].Value switch { "둘" => 2, "셋" => 3, "넷" => 4, "다섯" => 5, _ => 2 });
        }
        if (compact.Contains("혼밥", StringComparison.Ordinal) || compact.Contains("혼자", StringComparison.Ordinal))
        {
            return Companions.OfWord("혼자");
        }
        foreach (var (word, canonical) in CompanionWords)
        {
            if (compact.Contains(word, StringComparison.Ordinal))
            {
                return Companions.OfWord(canonical);
            }
        }
        return null;
    }

    private static readonly (string Word, string Canonical)[] CompanionWords =
    [
        ("친구", "친구"), ("가족", "가족"), ("동생", "동생"), ("언니", "언니"), ("오빠", "오빠"), ("누나", "누나"), ("형이랑", "형"),
        ("엄마", "가족"), ("아빠", "가족"), ("할머니", "가족"), ("반친구", "친구"), ("팀원", "친구"),
    ];

    private static int? ParseSmallNumber(string text) => text switch
    {
        "한" => 1, "두" => 2, "세" => 3, "네" => 4, "다섯" => 5, "여섯" => 6, "일곱" => 7, "여덟" => 8, "아홉" => 9, "열" => 10,
        _ => int.TryParse(text, out var n) ? n : null,
    };

    private string? ExtractUrgency(PreprocessedText text, string compact)
    {
        if (cues.Any("hunger", compact) || cues.Any("hurry", compact) || cues.Any("skipped_meal", compact)
            || text.Has(Signals.Hunger) || text.Has(Signals.Hurry) || text.Has(Signals.SkippedMeal))
        {
            return Urgency.High;
        }
        if (compact.Contains("천천히", StringComparison.Ordinal) || compact.Contains("나중에", StringComparison.Ordinal)
            || compact.Contains("급하지않", StringComparison.Ordinal) || compact.Contains("안급해", StringComparison.Ordinal))
        {
            return Urgency.Low;
        }
        return null;
    }

    private static List<string> ExtractDiet(string compact)
    {
        var diet = new List<string>();
        foreach (Match allergy in Allergy().Matches(compact))
        {
            AddOnce(diet, "allergy:" + allergy.Groups["what"].Value);
        }
        if (compact.Contains("채식", StringComparison.Ordinal) || compact.Contains("비건", StringComparison.Ordinal))
        {
            AddOnce(diet, "vegetarian");
        }
        if (compact.Contains("할랄", StringComparison.Ordinal))
        {
            AddOnce(diet, "halal");
        }
        if (NoPork().IsMatch(compact))
        {
            AddOnce(diet, "no_pork");
        }
        if (NoBeef().IsMatch(compact))
        {
            AddOnce(diet, "no_beef");
        }
        if (compact.Contains("유당", StringComparison.Ordinal))
        {
            AddOnce(diet, "lactose_free");
        }
        return diet;
    }

    private static void AddOnce(List<string> list, string value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }

    // Money words followed by "none" in any of the ways children say it: 돈도 없고, 돈이 진짜 없어, 잔액 부족, 점심값이 없어.
    [GeneratedRegex(@"(돈|잔액|현금|용돈|밥값|점심값|저녁값|아침값|식비|카드값|카드잔액)(이|도|은|는|가|을|를)?(진짜|정말|하나도|한개도|1원도|한푼도|전혀|다|아예|완전|벌써|이제)*(없|업|부족|바닥|떨어|0원|영원)|지갑(이|에|은|도)?(텅|비었|비어있|털렸|털림)|지갑에(돈|현금|동전)?(이|도)?(하나도|한개도|한푼도|1원도)?없|동전(하나|한개|한푼)도?없|(돈|용돈|잔액|현금|카드|급카|급식카드|밥값|식비)(이|도|은|을|를)?(다|벌써|이미|전부)*(썼|씀|써서|써버|탕진|털)|(돈|용돈|잔액|현금|밥값|식비)(이|도|은|는)?(하나도|한푼도|1원도|전혀)?(안남|못남|남은게없|남은거없)|nomoney|money0|moneyx|broke|돈0원?(?![0-9])|잔액0(?![0-9])|돈(이|은)?읎|돈도[가-힣]{1,6}도없|(돈|잔액)(이|은)?(1도|0이|0원)|한푼도|한푼없|땡전|빈털터리|텅장|무일푼|거지됨")]
    private static partial Regex NoMoney();

    // "먹을 게 없어" is about food, not money.
    [GeneratedRegex(@"먹을(게|것|거)(도|이|가)?(하나도|아무것도)?없")]
    private static partial Regex NoFoodOnly();

    [GeneratedRegex(@"(?<what>[가-힣]{1,6}?)(?:에|가|이)?(?:알레르기|알러지|알르레기|알레르지)")]
    private static partial Regex Allergy();

    [GeneratedRegex(@"돼지고기(?:는|를|은)?(?:빼고|말고|못먹|안먹|싫)|돼지고기안|돼지고기없")]
    private static partial Regex NoPork();

    [GeneratedRegex(@"소고기(?:는|를|은)?(?:빼고|말고|못먹|안먹)")]
    private static partial Regex NoBeef();

    [GeneratedRegex(@"(?<n>\d{1,3}|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s*(?:명|사람)")]
    private static partial Regex HeadCount();

    [GeneratedRegex(@"(?<n>둘|셋|넷|다섯)이서")]
    private static partial Regex TogetherCount();

}
