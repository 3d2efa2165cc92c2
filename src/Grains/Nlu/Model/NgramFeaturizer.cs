using System.Text.RegularExpressions;
using Naviyam.Chat;
using Naviyam.Lexicons;
using Naviyam.Preprocessing;

namespace Naviyam.Nlu.Model;

/// <summary>
/// Turns a preprocessed message into hashed feature ids for the intent model: character 1–4-grams of the
/// space-free text (with boundary markers), word unigrams and bigrams of the normalized text, one token per
/// preprocessing signal and a few high-precision cue tokens ("cue:coupon", "cue:money", ...) that let the
/// model learn the labelling rules' precedence. Every id lies in [0, <see cref="Buckets"/>); the id
/// <see cref="PaddingId"/> = <see cref="Buckets"/> is reserved for padding and is never produced.
/// </summary>
/// <remarks>
/// Deterministic across processes and machines: features are hashed with FNV-1a (32 bit) over UTF-16 code
/// units, never with <see cref="string.GetHashCode()"/>. Thread-safe: no mutable state.
/// The featurizer must see the base food lexicon (<c>foods.json</c> only), not the one extended with the
/// served catalog's menu names, so that the "cue:food" token means the same in training and in serving.
/// </remarks>
public sealed partial class NgramFeaturizer
{
    /// <summary>Changes whenever the features of a given text change; stored in (and checked against) the model.</summary>
    public const string Version = "ngram-v1";

    public const int DefaultBuckets = 1 << 15;

    public const int DefaultCueRepeat = 2;

    private const char Begin = '\u0002';
    private const char End = '\u0003';
    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;

    /// <summary>Cue-lexicon lists that become one "cue:&lt;list&gt;" token when any of their phrases occurs.</summary>
    private static readonly string[] CueLists =
    [
        "hunger", "hurry", "skipped_meal", "no_money", "plea", "coupon", "time", "group", "menu_option",
        "negation", "portion_large", "portion_small",
    ];

    // Where-questions and place words (the labelling rules' "location" precedence). Compact spellings.
    private static readonly string[] LocationWords =
    [
        "어디", "어딨", "어딘", "근처", "주변", "근방", "인근", "가까운", "가까이", "제일가까", "위치", "가는길", "가는법",
        "찾아가", "거리", "걸어서", "도보", "몇분걸", "멀어", "먼가", "역앞", "역근처", "출구",
    ];

    // Questions about the user's money or what things cost (budget_inquiry without a stated amount).
    private static readonly string[] PriceWords =
    [
        "얼마", "가격", "잔액", "잔고", "한도", "남았", "저렴", "가성비", "싼거", "싼데", "싼곳", "싼걸", "싸게", "싸고",
        "제일싼", "값", "비싸", "비용", "금액", "돈으로", "돈이", "용돈", "카드로", "급식카드로",
    ];

    // Asking what to eat, or wanting a food (food_request).
    private static readonly string[] WantFoodWords =
    [
        "뭐먹", "뭘먹", "머먹", "뭐사먹", "먹고싶", "먹고시퍼", "먹고파", "땡겨", "땡긴", "땡기", "당긴", "당겨", "추천", "맛집",
        "먹을까", "먹을래", "먹을거", "먹을만한", "먹을데", "먹자", "각이다", "뭐가맛있",
    ];

    // Asking to change or know one menu's details (menu_option).
    private static readonly string[] MenuChangeWords =
    [
        "바꿀수", "바꿔", "변경", "해줄수", "해주세요", "해줘", "빼줄", "빼줘", "빼주", "넣어", "추가", "들어가", "들어있",
        "가능?", "돼?", "되나", "되요", "돼요", "몇개", "몇피스", "맵기", "많이매워", "매워?",
    ];

    // Several people, beyond the cue lexicon's "group" list.
    private static readonly string[] GroupWords =
    [
        "이서", "이랑같이", "하고같이", "끼리", "나까지", "나포함", "포함하면", "외식", "부모님", "형제", "남매", "데리고",
        "나눠먹", "여럿", "단체", "우리넷", "우리셋", "우리둘", "친구들",
    ];

    // No food, or a long time without food (emergency_food), beyond the cue lexicon.
    private static readonly string[] NoFoodWords =
    [
        "굶", "먹을게없", "먹을거없", "먹을것도없", "먹을게하나도", "먹을거하나도", "냉장고", "오래됐", "힘이안", "쓰러", "어지러",
        "아무것도없", "먹은지",
    ];

    // Opening hours and waiting, beyond the cue lexicon's "time" list.
    private static readonly string[] OpenWords =
    [
        "열린", "여는", "연곳", "연데", "연가게", "문연", "쉬어", "쉬는", "쉬나", "닫은", "닫는", "마감", "웨이팅", "라스트오더",
        "금방", "바로나와", "오래걸",
    ];

    // Getting somewhere: distance and transport (location_inquiry: "몇 분 걸려" is a distance).
    private static readonly string[] RouteWords =
    [
        "걸어", "거기까지", "가는데", "버스", "지하철", "정거장", "정류장", "주소", "지도", "찾아줘", "못찾", "몇층", "간판",
        "타고", "먼데", "멀어",
    ];

    // Talking about the past ("어제 친구랑 치킨 먹었는데"): chatter, not a request.
    private static readonly string[] PastWords = ["었는데", "었어", "었음", "았어", "았는데", "했어", "했는데", "했음", "였어", "웠어"];

    // People eating alone: never a group.
    private static readonly string[] AloneWords = ["혼자", "혼밥", "나혼자", "나만"];

    private readonly CueLexicon cues;
    private readonly Dictionary<char, string[]> foodSurfacesByFirstChar;
    private readonly string[] tasteWords;

    public NgramFeaturizer(CueLexicon cues, FoodLexicon foods, int buckets = DefaultBuckets, int cueRepeat = DefaultCueRepeat)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(cueRepeat, 1);
        this.cues = cues;
        // Exact lexicon spellings only (no typo tolerance): cheap, allocation-free, and stable when the
        // lexicon's fuzzy matching is tuned.
        foodSurfacesByFirstChar = foods.Surfaces
            .Where(surface => surface.Length > 0)
            .GroupBy(surface => surface[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.Length).ThenBy(x => x, StringComparer.Ordinal).ToArray());
        tasteWords = cues.Tastes
            .SelectMany(t => t.Aliases.Append(t.Word))
            .Select(CueLexicon.Compact)
            .Where(w => w.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        Buckets = buckets;
        CueRepeat = cueRepeat;
    }

    /// <summary>Number of hash buckets; the embedding table has <c>Buckets + 1</c> rows (the last is padding).</summary>
    public int Buckets { get; }

    /// <summary>How many times each cue and signal token is repeated, which weights it in the mean.</summary>
    public int CueRepeat { get; }

    /// <summary>The id used to pad a batch; its embedding row is zero.</summary>
    public long PaddingId => Buckets;

    public long[] Featurize(PreprocessedText text)
    {
        var ids = new List<long>(128);
        Featurize(text, ids);
        return [.. ids];
    }

    /// <summary>Appends the feature ids of <paramref name="text"/> to <paramref name="ids"/> (at least one id).</summary>
    public void Featurize(PreprocessedText text, List<long> ids)
    {
        AddCharacterNgrams(text.Compact, ids);
        AddWords(text.Normalized, ids);
        foreach (var token in Tokens(text))
        {
            for (var r = 0; r < CueRepeat; r++)
            {
                ids.Add(Bucket(Hash(token)));
            }
        }
    }

    /// <summary>The signal and cue tokens of a message ("sig:hunger", "cue:money", ...), in a fixed order.</summary>
    public IReadOnlyList<string> Tokens(PreprocessedText text)
    {
        var tokens = new List<string>();
        foreach (var signal in text.Signals.Order(StringComparer.Ordinal))
        {
            tokens.Add("sig:" + signal);
        }
        var compact = text.Compact;
        if (compact.Length == 0)
        {
            tokens.Add("cue:empty");
            return tokens;
        }
        foreach (var list in CueLists)
        {
            if (cues.Any(list, compact))
            {
                tokens.Add("cue:" + list);
            }
        }

        var budget = BudgetParser.Parse(text.Normalized);
        if (budget is { Amount: > 0 })
        {
            tokens.Add("cue:money");
            tokens.Add("cue:money_" + budget.Kind);
        }
        else if (budget is { Amount: 0 })
        {
            tokens.Add("cue:nomoney");
        }
        if (budget is null && (cues.Any("no_money", compact) || text.Has(Signals.NoMoney)))
        {
            tokens.Add("cue:nomoney");
        }

        if (HeadCount(text.Normalized, compact) is { } people)
        {
            tokens.Add(people >= 2 ? "cue:people" : "cue:one_person");
        }
        void AddIf(bool cue, string token)
        {
            if (cue)
            {
                tokens.Add(token);
            }
        }
        AddIf(ContainsAny(compact, AloneWords), "cue:alone");
        AddIf(ContainsAny(compact, LocationWords) || Station().IsMatch(text.Normalized), "cue:location");
        AddIf(ContainsAny(compact, PriceWords), "cue:price");
        AddIf(ContainsAny(compact, GroupWords), "cue:group_word");
        AddIf(ContainsAny(compact, NoFoodWords), "cue:no_food");
        AddIf(ContainsAny(compact, OpenWords), "cue:open");
        AddIf(ContainsAny(compact, RouteWords), "cue:route");
        AddIf(ContainsAny(compact, PastWords), "cue:past");
        AddIf(Area().IsMatch(text.Normalized), "cue:area");
        AddIf(ContainsAny(compact, WantFoodWords), "cue:want_food");
        AddIf(ContainsAny(compact, MenuChangeWords), "cue:menu_change");
        AddIf(ContainsAny(compact, tasteWords), "cue:taste");
        AddIf(MentionsFood(compact), "cue:food");
        tokens.Add("first:" + FirstRule(tokens));
        return tokens;
    }

    /// <summary>
    /// The labelling rules' precedence applied to the cue tokens: the name of the first rule that the cues
    /// trigger. One token that tells the model which cue should win when several occur.
    /// </summary>
    private static string FirstRule(List<string> tokens)
    {
        bool Has(string token) => tokens.Contains(token);
        var money = Has("cue:money");
        if (Has("cue:plea") || Has("sig:distress") && (Has("cue:hunger") || Has("sig:hunger")) || Has("cue:nomoney")
            || (Has("cue:skipped_meal") || Has("sig:skipped_meal") || Has("cue:no_food")) && !money)
        {
            return "emergency";
        }
        return Has("cue:coupon") ? "coupon"
            : (Has("cue:people") || Has("cue:group") || Has("cue:group_word")) && !Has("cue:alone") ? "group"
            : money || Has("cue:price") ? "budget"
            : Has("cue:time") || Has("cue:open") ? "time"
            : Has("cue:menu_option") || Has("cue:menu_change") ? "menu_option"
            : Has("cue:location") || Has("cue:route") || Has("cue:area") ? "location"
            : Has("cue:want_food") || Has("cue:food") || Has("cue:hunger") || Has("sig:hunger") ? "food"
            : "none";
    }

    /// <summary>The number of people a message counts ("친구 3명", "셋이서"), or null when it counts none.</summary>
    internal static int? HeadCount(string normalized, string compact)
    {
        var count = PeopleCount().Match(normalized);
        if (count.Success)
        {
            return KoreanNumbers.Count(count.Groups["n"].Value);
        }
        var together = Together().Match(compact);
        return together.Success
            ? KoreanNumbers.Count(together.Groups["n"].Value)
            : null;
    }

    private void AddCharacterNgrams(string compact, List<long> ids)
    {
        // "^배고파$" with ^ and $ as control characters the normalizer never lets through.
        var length = compact.Length + 2;
        Span<char> padded = length <= 512 ? stackalloc char[length] : new char[length];
        padded[0] = Begin;
        compact.AsSpan().CopyTo(padded[1..]);
        padded[^1] = End;
        for (var n = 1; n <= 4; n++)
        {
            for (var start = 0; start + n <= length; start++)
            {
                if (n == 1 && (start == 0 || start == length - 1) || n == 2 && length == 2)
                {
                    continue; // a bare boundary marker says nothing
                }
                var hash = Mix(Mix(FnvOffset, 'c'), (char)('0' + n));
                hash = Mix(hash, padded.Slice(start, n));
                ids.Add(Bucket(hash));
            }
        }
        if (compact.Length == 0)
        {
            ids.Add(Bucket(Hash("c:empty")));
        }
    }

    private void AddWords(string normalized, List<long> ids)
    {
        ReadOnlySpan<char> previous = [Begin];
        var any = false;
        foreach (var range in normalized.AsSpan().Split(' '))
        {
            var word = normalized.AsSpan(range).Trim("?!.,~^;:'\"()[]");
            if (word.IsEmpty)
            {
                continue;
            }
            any = true;
            ids.Add(Bucket(Mix(Mix(FnvOffset, "w:"), word)));
            ids.Add(Bucket(Mix(Mix(Mix(Mix(FnvOffset, "b:"), previous), '|'), word)));
            previous = word;
        }
        if (any)
        {
            ids.Add(Bucket(Mix(Mix(Mix(Mix(FnvOffset, "b:"), previous), '|'), End)));
        }
    }

    private long Bucket(uint hash) => hash % (uint)Buckets;

    /// <summary>FNV-1a (32 bit) over the UTF-16 code units of <paramref name="text"/>, low byte first.</summary>
    public static uint Hash(ReadOnlySpan<char> text) => Mix(FnvOffset, text);

    private static uint Mix(uint hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = Mix(hash, c);
        }
        return hash;
    }

    private static uint Mix(uint hash, char c)
    {
        hash = (hash ^ (byte)c) * FnvPrime;
        return (hash ^ (byte)(c >> 8)) * FnvPrime;
    }

    private bool MentionsFood(string compact)
    {
        for (var i = 0; i < compact.Length; i++)
        {
            if (foodSurfacesByFirstChar.TryGetValue(compact[i], out var surfaces))
            {
                foreach (var surface in surfaces)
                {
                    if (compact.AsSpan(i).StartsWith(surface, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static bool ContainsAny(string compact, string[] words)
    {
        foreach (var word in words)
        {
            if (compact.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"(?<n>\d{1,3}|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s*(?:명|사람)")]
    private static partial Regex PeopleCount();

    [GeneratedRegex(@"(?<n>둘|셋|넷|다섯)이(?:서|랑|서서)?")]
    private static partial Regex Together();

    // A district or neighbourhood name (관악구, 신림동), not words like 친구 or 운동.
    [GeneratedRegex(@"(?<![가-힣])(?!(?:친|운|자|아|이|활|행|감|노|충|학|동|가|도|요|야|농|배|족|탁|연|입|출)[구동])[가-힣]{1,4}[구동](?=\s|$|에|쪽|근처|주변|으로|까지|에서)")]
    private static partial Regex Area();

    [GeneratedRegex(@"[가-힣A-Za-z0-9]{1,10}역(?=\s|$|에|앞|근처|주변|쪽|으로|까지|에서)")]
    private static partial Regex Station();
}
