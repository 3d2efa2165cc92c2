using System.Text.RegularExpressions;
using Naviyam.Chat;
using Naviyam.Lexicons;
using Naviyam.Preprocessing;

namespace Naviyam.Nlu.Extractors;

/// <summary>companions: how many eat, or who comes along, from head counts and <c>cues.json</c>'s people words.</summary>
internal sealed partial class CompanionExtractor(CueLexicon cues)
{
    /// <summary>
    /// How many eat (the largest head count said: 친구 넷 나 포함하면 다섯 → 5), else who comes along as said
    /// (엄마랑 → 엄마, 애들이랑 → 친구), else 혼자. People only mentioned (엄마가 만원 줬어) or met in the past
    /// (어제 친구랑 치킨 먹었는데) are not companions.
    /// </summary>
    public Companions? Extract(PreprocessedText text, bool mentionsFood)
    {
        var normalized = text.Normalized;
        var compact = text.Compact;
        var best = 0;
        foreach (Match count in HeadCount().Matches(normalized))
        {
            if (KoreanNumbers.Count(count.Groups["n"].Value) is > 0 and < 200 and var n)
            {
                best = Math.Max(best, n);
            }
        }
        foreach (Match count in HouseholdCount().Matches(normalized))
        {
            best = Math.Max(best, int.Parse(count.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        foreach (Match count in BareCount().Matches(normalized))
        {
            var rest = normalized.AsSpan(count.Index + count.Length).TrimStart();
            if (rest.StartsWith("중") && !ChoiceAmongPeople().IsMatch(rest.ToString()))
            {
                continue; // 떡볶이 아니면 김밥 둘 중에 골라줘: a choice, not people
            }
            if (rest.StartsWith("다") && !PeopleAround().IsMatch(normalized))
            {
                continue; // 점심이랑 저녁 둘 다: two things, not two people
            }
            best = Math.Max(best, KoreanNumbers.Count(count.Groups["n"].Value) ?? 0);
        }
        if (best > 0)
        {
            return Companions.OfCount(best);
        }
        if (CompanionWord(normalized, compact) is { } word)
        {
            return Companions.OfWord(word);
        }
        var alone = compact.Contains("혼밥", StringComparison.Ordinal) || compact.Contains("혼자", StringComparison.Ordinal);
        if (alone && !AloneRejected().IsMatch(compact) && (mentionsFood || EatingContext().IsMatch(compact)))
        {
            return Companions.OfWord("혼자");
        }
        return null;
    }

    private string? CompanionWord(string normalized, string compact)
    {
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('?', '!', '.', ',', '~', '^', 'ㅋ', 'ㅎ', 'ㅠ', 'ㅜ'))
            .ToArray();
        var together = Together().IsMatch(compact);
        string? loose = null;
        for (var i = 0; i < words.Length; i++)
        {
            if (Companion(words[i]) is not { } person)
            {
                continue;
            }
            var said = person.Canonical;
            var last = i;
            var comitative = ComitativeEndings.Contains(person.Tail);
            if (person.Tail.Length == 0 && i + 1 < words.Length && Companion(words[i + 1]) is { } second
                && ComitativeEndings.Contains(second.Tail))
            {
                said = person.Canonical + " " + second.Canonical; // 엄마 아빠랑
                last = i + 1;
                comitative = true;
            }
            else if (comitative && i + 1 < words.Length && Companion(words[i + 1]) is { } also && ComitativeEndings.Contains(also.Tail))
            {
                said = person.Canonical + " " + also.Canonical; // 엄마랑 아빠랑
                last = i + 1;
            }
            else if (person.Tail is "" or "들" or "도" && i + 1 < words.Length && words[i + 1] is "데리고" or "같이" or "함께" or "모시고")
            {
                comitative = true; // 동생 데리고
            }
            var rest = string.Concat(words.Skip(last + 1));
            if (IsPastEpisode(rest))
            {
                continue; // 친구랑 싸웠어, 어제 가족이랑 고기 먹었는데
            }
            if (comitative)
            {
                return said;
            }
            // Without "○○랑" the person still eats along when the message says so (같이 먹을 친구가 …) or when
            // the person is the one hungry or to be fed (동생이 배고프대요, 동생 밥 먹여야 돼); 엄마가 만원 줬어 is not.
            if (loose is null && PersonTails.Contains(person.Tail) && (together || PersonEats().IsMatch(StripLeadingAdverbs(rest))))
            {
                loose = said;
            }
        }
        return loose;
    }

    private static readonly HashSet<string> PersonTails = new(StringComparer.Ordinal)
    {
        "", "이", "가", "들", "들이", "도", "들도", "는", "은", "들은", "네", "들아",
    };

    private static string StripLeadingAdverbs(string rest)
    {
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var adverb in (string[])["모두", "다", "오늘", "어제부터", "지금", "계속", "너무", "진짜", "또", "벌써"])
            {
                if (rest.StartsWith(adverb, StringComparison.Ordinal))
                {
                    rest = rest[adverb.Length..];
                    changed = true;
                }
            }
        }
        return rest;
    }

    /// <summary>What follows a person is a finished event (먹었는데, 싸웠어, 놀다 왔다) or another kind of being together (사는데).</summary>
    private static bool IsPastEpisode(string rest)
    {
        rest = SkippedMealVerb().Replace(rest, ""); // 동생이랑 굶었어 is today's hunger, not a story
        var past = PastOrOtherDoing().Match(rest);
        var plan = KoreanPatterns.EatingPlan().Match(rest);
        return past.Success && (!plan.Success || past.Index < plan.Index);
    }

    private (string Canonical, string Tail)? Companion(string word)
    {
        foreach (var prefix in (string[])["", "우리", "울", "내", "제", "저희"])
        {
            if (!word.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }
            foreach (var (surface, canonical) in companionWords)
            {
                if (word.AsSpan(prefix.Length).StartsWith(surface, StringComparison.Ordinal))
                {
                    return (canonical, word[(prefix.Length + surface.Length)..]);
                }
            }
        }
        return null;
    }

    private static readonly HashSet<string> ComitativeEndings = new(StringComparer.Ordinal)
    {
        "랑", "이랑", "하고", "와", "과", "끼리", "들이랑", "들하고", "들과", "들끼리", "이랑도", "랑도", "하고도", "랑은", "이랑은",
        "들이랑은", "이랑만", "랑만", "하구", "이랑같이", "랑같이", "하고같이", "들이랑같이", "이서", "들이서",
    };

    private readonly (string Surface, string Canonical)[] companionWords = cues["companion_words"]
        .Select(entry => entry.Split('=') is [var surface, var canonical] ? (surface, canonical) : (entry, entry))
        .DistinctBy(p => p.Item1)
        .OrderByDescending(p => p.Item1.Length)
        .ToArray();

    [GeneratedRegex(@"(?<n>\d{1,3}|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s*(?:명|사람|식구)")]
    private static partial Regex HeadCount();

    // 4인 가족, 3인이서 (not 2인분)
    [GeneratedRegex(@"(?<n>\d{1,2})\s*인\s*(?:가족|이서|이(?![상하내]))")]
    private static partial Regex HouseholdCount();

    // 둘이서, 셋이, 우리 넷, 나까지 셋, 둘 다, 다섯이 (a word of its own)
    [GeneratedRegex(@"(?<![가-힣])(?<n>둘|셋|넷|다섯|여섯|일곱|여덟|아홉)(?=이서|이요|이야|이랑|이|인데|\s|$|[?!.,~ㅋㅎㅠ])")]
    private static partial Regex BareCount();

    // Someone besides the things counted: a person word, 나/저/우리, or eating together.
    [GeneratedRegex(@"(?<![가-힣])(?:나|저)(?:랑|까지|포함)|우리|저희|같이|함께|배고|친구|동생|엄마|아빠|형|누나|언니|오빠|가족")]
    private static partial Regex PeopleAround();

    [GeneratedRegex(@"^중에?\s*(?:한\s*명|한\s*사람|누구|하나가)")]
    private static partial Regex ChoiceAmongPeople();

    // After "○○랑": a past meal, a finished event or something other than eating (싸웠어, 화해했어, 사는데), unless a plan
    // to eat or go comes first (KoreanPatterns.EatingPlan).
    [GeneratedRegex(@"먹었|묵었|갔었|(?:었|았|했|갔|왔|웠|였|봤)(?:어|다(?!가)|음|지|네|요|$|[.!~ㅋㅎㅠ])|싸우|싸움|화해|사는|살아|살고|통화|연락")]
    private static partial Regex PastOrOtherDoing();

    [GeneratedRegex(@"굶었|못먹었|안먹었")]
    private static partial Regex SkippedMealVerb();

    [GeneratedRegex(@"같이|함께")]
    private static partial Regex Together();

    // The person is the one hungry or fed: 동생이 배고프대, 가족 모두 굶었어요, 동생 밥 먹여야, 가족 외식
    [GeneratedRegex(@"^(?:(?:밥|아침|점심|저녁)(?:을|를|도|은|이)?(?:못|안|먹|챙|사|해|굶)|배고|굶|못먹|안먹|먹고싶|먹자|먹여|먹일|외식|모였|모여|다모였)")]
    private static partial Regex PersonEats();

    [GeneratedRegex(@"혼밥(?:은|메뉴)?(?:말고|아니)")]
    private static partial Regex AloneRejected();

    [GeneratedRegex(@"먹|묵|밥|식당|메뉴|가능|주문|시켜|들어가|가기|가도|인분|배고|굶|배달")]
    private static partial Regex EatingContext();
}
