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

    // Letters that are easy to type for one another: plain/tense/aspirated consonants, y-glide vowels, and keys side by
    // side on the standard two-set (두벌식) keyboard.
    private static readonly string[] LookAlikeFamilies =
    [
        "ㄱㄲㅋ", "ㄷㄸㅌ", "ㅂㅃㅍ", "ㅅㅆ", "ㅈㅉㅊ", "ㅏㅑ", "ㅓㅕ", "ㅗㅛ", "ㅜㅠ", "ㅐㅔ", "ㅒㅖ",
    ];

    private static readonly string[] KeyboardRows = ["ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔ", "ㅁㄴㅇㄹㅎㅗㅓㅏㅣ", "ㅋㅌㅊㅍㅠㅜㅡ"];

    // Initial (U+1100…) and final (U+11A8…) consonants as the key that types them (compatibility jamo).
    private const string Initials = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
    private const string Vowels = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";
    private const string Finals = "ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ";

    /// <summary>
    /// True when two spellings of the same length in syllables differ by one look-alike letter (ㅋ/ㄲ, ㅑ/ㅏ, ㅁ/ㄴ),
    /// or by a final consonant added or dropped (먹을랭): the typos people make, not a different word.
    /// </summary>
    public static bool IsLookAlike(string a, string b)
    {
        if (a.Length == b.Length)
        {
            var differing = Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToArray();
            if (differing.Length != 1)
            {
                return false;
            }
            var (x, y) = (Key(a[differing[0]]), Key(b[differing[0]]));
            var isFinal = a[differing[0]] is >= '\u11A8' and <= '\u11C2';
            // Neighbouring keys only for a final consonant (짜장몀): neighbouring vowels and initials make other words.
            return LookAlikeFamilies.Any(family => family.Contains(x) && family.Contains(y))
                || isFinal && KeyboardRows.Any(row => row.IndexOf(x) is var i and >= 0 && row.IndexOf(y) is var j and >= 0 && Math.Abs(i - j) == 1);
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

    private static char Key(char jamo) => jamo switch
    {
        >= '\u1100' and <= '\u1112' => Initials[jamo - 0x1100],
        >= '\u1161' and <= '\u1175' => Vowels[jamo - 0x1161],
        >= '\u11A8' and <= '\u11C2' => Finals[jamo - 0x11A8],
        _ => jamo,
    };

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
