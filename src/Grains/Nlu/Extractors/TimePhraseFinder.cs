using System.Text;
using System.Text.RegularExpressions;
using Naviyam.Lexicons;

namespace Naviyam.Nlu.Extractors;

/// <summary>
/// Finds the time a message wants to eat at (or asks about), as the user wrote it: "지금", "오늘 저녁 7시쯤",
/// "토요일 아침 9시", "학원 끝나고", "10분 안에", "설날". The vocabulary comes from <c>cues.json</c>
/// (<c>time_days</c>, <c>time_parts</c>, <c>time_words</c>); the grammar that combines them lives here.
/// Times that only describe a missed meal ("어제 저녁부터 못 먹었어", "점심도 못 먹었어") are not preferences.
/// </summary>
internal sealed partial class TimePhraseFinder
{
    private readonly Regex phrase;

    public TimePhraseFinder(CueLexicon cues)
    {
        ArgumentNullException.ThrowIfNull(cues);
        var days = Alternation(cues["time_days"]);
        var parts = Alternation(cues["time_parts"]);
        var words = Alternation(cues["time_words"]);
        // "24시간" and "1시간" are durations, not clock times.
        const string clock = @"\d{1,2}\s*시(?!간)(?:\s*\d{1,2}\s*분|\s*반)?(?:\s*쯤|\s*경|\s*전)?";
        // An activity that ends or starts before eating: "학원 끝나고", "수학학원 끝나면", "2호선 타기 전", "영화 보고 나서".
        const string activity = @"[가-힣A-Za-z0-9]{1,6}\s*(?:끝나고|끝나면|끝나는\s*(?:시간|날)|끝난\s*(?:뒤|후)|마치고|가기\s*전|타기\s*전|보고\s*나서|하고\s*나서|갔다가|다녀와서|쉬는\s*시간)";
        // "10분 뒤", "한 시간 후", "12월 31일".
        const string relative = @"(?:\d{1,3}|한|두|세)\s*(?:분|시간)\s*(?:뒤|후)|\d{1,2}\s*월\s*\d{1,2}\s*일";
        phrase = new Regex(
            $@"(?<![가-힣A-Za-z])(?:(?<clock>(?:(?:{days})\s*)?(?:(?:{parts})\s*)?{clock})|(?<activity>(?:(?:{days})\s*)?{activity})|(?<relative>{relative})|(?<word>{words})|(?<part>(?:(?:{days})\s*)?(?:{parts}))(?!\s*\d{{1,2}}\s*시(?!간))|(?<day>(?:{days})(?:\s*(?:{days}))?))",
            RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.IgnoreCase);
    }

    public string? Find(string normalizedText)
    {
        var within = WithinMinutes().Match(normalizedText);
        if (within.Success && !IsDistance(normalizedText, within))
        {
            return within.Value.Trim();
        }
        // A clock time is the most precise thing said, then a part of the day ("오늘 저녁", "지금") or a relative time,
        // then an activity ("학원 끝나고"), then a bare day or occasion; among equals the first one said. Phrases
        // said back to back are one phrase ("크리스마스 이브 저녁", "개학 첫날 점심").
        var candidates = new List<(int Start, int End, int Rank)>();
        for (var match = phrase.Match(normalizedText); match.Success; match = match.NextMatch())
        {
            var value = match.Value.TrimEnd();
            var before = normalizedText[..match.Index];
            var rest = normalizedText[(match.Index + value.Length)..];
            var rank = match.Groups["clock"].Success ? 4
                : match.Groups["part"].Success || match.Groups["relative"].Success || value == "지금" ? 3
                : match.Groups["activity"].Success ? 2
                : 1;
            var needsContext = rank == 1 && !SelfEvident.Contains(value.Replace(" ", "", StringComparison.Ordinal));
            if (IsPastOrRange(before, rest) || IsNotATime(value, rest)
                || needsContext && !AboutEating().IsMatch(normalizedText)
                || match.Groups["activity"].Success && (value.StartsWith("브레이크", StringComparison.Ordinal) || value.StartsWith("휴가", StringComparison.Ordinal)))
            {
                continue;
            }
            // Back-to-back days, occasions and parts of the day merge; a clock time or an activity stands alone
            // ("학교 끝나고 4시 반에" wants 4시 반).
            if (candidates.Count > 0 && candidates[^1].End + 1 == match.Index && normalizedText[candidates[^1].End] == ' '
                && rank != 4 && rank != 2 && candidates[^1].Rank != 2 && candidates[^1].Rank != 4)
            {
                var previous = candidates[^1];
                candidates[^1] = (previous.Start, match.Index + value.Length, Math.Max(previous.Rank, rank));
                continue;
            }
            candidates.Add((match.Index, match.Index + value.Length, rank));
        }
        if (candidates.Count == 0)
        {
            return null;
        }
        var best = candidates[0];
        foreach (var candidate in candidates.Skip(1))
        {
            if (candidate.Rank > best.Rank)
            {
                best = candidate;
            }
        }
        return normalizedText[best.Start..best.End];
    }

    /// <summary>Times that are about food or opening hours by themselves, in any message.</summary>
    private static readonly HashSet<string> SelfEvident = new(StringComparer.Ordinal) { "간식", "야식", "24시간", "자정", "늦게까지", "점심시간" };

    /// <summary>"걸어서 10분 안에 갈 수 있는 곳": a distance, not a time.</summary>
    private static bool IsDistance(string text, Match within)
    {
        var before = CueLexicon.Compact(text[..within.Index]);
        var after = CompactPrefix(text[(within.Index + within.Length)..], 4);
        return before.EndsWith("걸어서", StringComparison.Ordinal) || before.EndsWith("도보", StringComparison.Ordinal)
            || after.StartsWith("걸어", StringComparison.Ordinal) || after.StartsWith("갈수", StringComparison.Ordinal)
            || after.StartsWith("가는", StringComparison.Ordinal) || after.StartsWith("도착", StringComparison.Ordinal) && before.Length == 0;
    }

    /// <summary>"어제 저녁부터", "주말 내내 못 먹었어", "점심도 안 먹었어", "3시부터 5시까지": not when to eat.</summary>
    private static bool IsPastOrRange(string before, string rest)
    {
        var compactRest = CompactPrefix(rest, 10);
        if (compactRest.StartsWith("부터", StringComparison.Ordinal) || compactRest.StartsWith("내내", StringComparison.Ordinal)
            || compactRest.StartsWith("에서", StringComparison.Ordinal) && compactRest.Contains('시') || compactRest.StartsWith("사이", StringComparison.Ordinal)
            || compactRest.StartsWith('째') || compactRest.StartsWith("동안", StringComparison.Ordinal)
            || compactRest.StartsWith("까지", StringComparison.Ordinal) && CueLexicon.Compact(before).Contains("부터", StringComparison.Ordinal))
        {
            return true;
        }
        if (before.TrimEnd().EndsWith("어제", StringComparison.Ordinal) || before.TrimEnd().EndsWith("그저께", StringComparison.Ordinal))
        {
            return true;
        }
        return MissedMeal().IsMatch(compactRest);
    }

    /// <summary>"낮" in "칼로리 낮은", "밤" in "밤새", "여름" in "여름휴가": only the word itself counts.</summary>
    private static bool IsNotATime(string value, string rest) =>
        value is "낮" or "밤" or "여름" or "겨울" && rest.Length > 0 && char.IsLetter(rest[0]) && rest[0] is not ('에' or '엔' or '도' or '때');

    /// <summary>The first <paramref name="max"/> letters after a phrase, spaces dropped: enough to read what follows it.</summary>
    private static string CompactPrefix(string text, int max)
    {
        var builder = new StringBuilder(max);
        foreach (var c in text)
        {
            if (c != ' ' && builder.Append(c).Length >= max)
            {
                break;
            }
        }
        return builder.ToString();
    }

    private static string Alternation(IEnumerable<string> compactPhrases) =>
        string.Join("|", compactPhrases
            .OrderByDescending(p => p.Length)
            // Lexicon phrases are stored without spaces; users may or may not space them ("방과 후", "방과후").
            .Select(p => string.Join(@"\s?", p.EnumerateRunes().Select(r => Regex.Escape(r.ToString())))));

    [GeneratedRegex(@"\d{1,3}\s*분\s*(?:안에|안으로|내로|이내|내에|만에)")]
    private static partial Regex WithinMinutes();

    [GeneratedRegex(@"못먹|안먹|굶|걸렀|거르|먹은(?:게|거)(?:하나도|아무것도)?없|먹었|한끼도|먹을(?:게|거|것)도?(?:1도|하나도|아무것도)?없")]
    private static partial Regex MissedMeal();

    [GeneratedRegex(@"먹|묵|열어|열었|여는|열려|열린|영업|쉬어|쉬는|쉬나|휴무|휴업|오픈|할인|세일|쿠폰|행사|이벤트|특가|공짜|무료|장사|쓸|추천|배고|주문|배달|문\s?열|닫|사\s?먹|마감|메뉴|외식|파티|시켜|ㄱㄱ|갈까|갈래|해요|해\?|하나|뭐\s?하지|하는\s?(?:데|곳|가게|집)|하는\s?[가-힣]{1,4}(?:집|가게|식당)|몇\s?시|갈\s?(?:데|곳)")]
    private static partial Regex AboutEating();
}
