namespace Naviyam.Reply;

/// <summary>
/// The particle forms that depend on how a word ends: after a final consonant 은/이/을/이에요/으로, after a vowel
/// 는/가/를/예요/로 (and 로 after ㄹ). Digits are read as Korean numbers (3 = 삼, 2 = 이); any other ending gets both forms.
/// </summary>
internal static class KoreanParticles
{
    private enum Ending
    {
        Vowel,
        Consonant,
        Rieul,
        Unknown,
    }

    public static string Topic(string word) => Pick(word, "은", "는", "은(는)");

    public static string Subject(string word) => Pick(word, "이", "가", "이(가)");

    public static string Object(string word) => Pick(word, "을", "를", "을(를)");

    /// <summary>"…이에요" / "…예요".</summary>
    public static string Copula(string word) => Pick(word, "이에요", "예요", "이에요");

    /// <summary>"…으로" / "…로"; 로 after ㄹ too ("1번으로", "2번으로", "김밥으로", "칼국수로", "불고기로").</summary>
    public static string Direction(string word) => EndingOf(word) switch
    {
        Ending.Consonant => "으로",
        Ending.Unknown => "(으)로",
        _ => "로",
    };

    private static string Pick(string word, string afterConsonant, string afterVowel, string unknown) => EndingOf(word) switch
    {
        Ending.Consonant or Ending.Rieul => afterConsonant,
        Ending.Vowel => afterVowel,
        _ => unknown,
    };

    private static Ending EndingOf(string word)
    {
        var last = word.TrimEnd().TrimEnd(')', ']', '"', '\'').LastOrDefault();
        if (last is >= '가' and <= '힣')
        {
            var final = (last - '가') % 28;
            return final == 0 ? Ending.Vowel : final == 8 ? Ending.Rieul : Ending.Consonant;
        }
        // 영 일 이 삼 사 오 육 칠 팔 구.
        return last switch
        {
            '0' or '3' or '6' => Ending.Consonant,
            '1' or '7' or '8' => Ending.Rieul,
            '2' or '4' or '5' or '9' => Ending.Vowel,
            _ => Ending.Unknown,
        };
    }
}
