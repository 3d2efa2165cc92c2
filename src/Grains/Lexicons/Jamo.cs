using System.Text;

namespace Naviyam.Lexicons;

/// <summary>
/// Hangul syllables split into their letters (jamo), so that a typo costs what it looks like: 떡볶기 is one letter
/// away from 떡볶이 (ㄱ for ㅇ), not one whole syllable.
/// </summary>
public static class Jamo
{
    private const int SyllableBase = 0xAC00;
    private const int SyllableCount = 11_172;
    private const int VowelCount = 21;
    private const int FinalCount = 28;

    public static bool IsSyllable(char c) => c >= SyllableBase && c < SyllableBase + SyllableCount;

    /// <summary>Letters of the text; characters that are not Hangul syllables are kept as they are.</summary>
    public static string Decompose(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length * 3);
        foreach (var c in text)
        {
            if (!IsSyllable(c))
            {
                builder.Append(c);
                continue;
            }
            var index = c - SyllableBase;
            builder.Append((char)(0x1100 + index / (VowelCount * FinalCount)));
            builder.Append((char)(0x1161 + index % (VowelCount * FinalCount) / FinalCount));
            if (index % FinalCount is var final and > 0)
            {
                builder.Append((char)(0x11A7 + final));
            }
        }
        return builder.ToString();
    }

    // Letters children swap for one another when typing fast: plain/tense/aspirated consonants and y-glide vowels.
    private static readonly string[] LookAlikeFamilies =
    [
        "\u1100\u1101\u110F", "\u1103\u1104\u1110", "\u1107\u1108\u1111", "\u1109\u110A", "\u110C\u110D\u110E",
        "\u1161\u1163", "\u1165\u1167", "\u1169\u116D", "\u116E\u1172", "\u1162\u1164\u1166\u1168",
    ];

    /// <summary>
    /// True when two spellings one letter apart differ by a look-alike letter (ㅋ/ㄲ, ㅑ/ㅏ) or by a final
    /// consonant added or dropped (먹을랭): the typos people make, as opposed to a different word.
    /// </summary>
    public static bool IsLookAlike(string a, string b)
    {
        if (a.Length == b.Length)
        {
            var differing = Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToArray();
            return differing.Length == 1
                && LookAlikeFamilies.Any(family => family.Contains(a[differing[0]]) && family.Contains(b[differing[0]]));
        }
        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        for (var i = 0; i < longer.Length; i++)
        {
            if (longer.Remove(i, 1) == shorter)
            {
                return longer[i] is >= '\u11A8' and <= '\u11C2';
            }
        }
        return false;
    }

    /// <summary>Levenshtein distance, stopping early once it exceeds <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin > limit)
            {
                return limit + 1;
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
