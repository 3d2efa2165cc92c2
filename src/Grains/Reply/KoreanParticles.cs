namespace Naviyam.Reply;

/// <summary>Particles chosen by the word before them: 은/는, 이/가, 을/를, 으로/로, 과/와.</summary>
internal static class KoreanParticles
{
    public static string Topic(string word) => Choose(word, "은", "는");

    public static string Subject(string word) => Choose(word, "이", "가");

    public static string Object(string word) => Choose(word, "을", "를");

    /// <summary>The first form after a final consonant, the second after a vowel; both, as "은(는)", after anything but Hangul.</summary>
    private static string Choose(string word, string afterConsonant, string afterVowel)
    {
        var last = word.TrimEnd().LastOrDefault();
        if (last is < '가' or > '힣')
        {
            return $"{afterConsonant}({afterVowel})";
        }
        return (last - '가') % 28 == 0 ? afterVowel : afterConsonant;
    }
}
