using Naviyam.Lexicons;
using static Naviyam.Reply.KoreanParticles;

namespace Naviyam.Reply;

/// <summary>Whose request is refused: a minor (told why for them), an adult, or someone whose age is not known.</summary>
public enum Asker
{
    Unknown,
    Minor,
    Adult,
}

/// <summary>
/// A short, kind refusal of alcohol, tobacco or an adult venue, and then an offer of food — never a list of shops. It
/// holds for anyone, since the meal card pays for meals; a minor is also told that the law keeps it from them.
/// </summary>
public static class RefusalReplies
{
    /// <param name="venue">The word the user asked with, named back for an adult venue ("호프집은 …").</param>
    /// <param name="food">A food said in the same message ("막창에 소주 한잔" → 막창), offered instead.</param>
    public static string For(RefusalTopic topic, string venue, Asker asker, string? food)
    {
        var refusal = topic switch
        {
            RefusalTopic.Alcohol => asker == Asker.Minor
                ? "술은 찾아 줄 수 없어요. 19살이 되기 전에는 마시면 안 되고, 급식카드로도 술은 살 수 없거든요."
                : "술은 찾아 줄 수 없어요. 급식카드는 밥을 먹기 위한 카드라서 술은 살 수 없거든요.",
            RefusalTopic.Tobacco => asker == Asker.Minor
                ? "담배는 찾아 줄 수 없어요. 청소년은 담배를 살 수 없고, 몸에도 정말 해로워요. 끊고 싶다면 금연상담전화 1544-9030이 무료로 도와줘요."
                : "담배는 찾아 줄 수 없어요. 급식카드는 밥을 먹기 위한 카드라서 담배는 살 수 없거든요.",
            _ => asker == Asker.Minor
                ? $"{VenueName(venue)}{Topic(VenueName(venue))} 청소년에게는 추천할 수 없어요."
                : $"{VenueName(venue)} 같은 곳은 추천할 수 없어요. 급식카드는 밥을 먹기 위한 카드라서 그런 곳에서는 쓸 수 없거든요.",
        };
        var offer = food is null
            ? "대신 배고프면 급식카드로 먹을 수 있는 밥집을 찾아 줄게요. 먹고 싶은 음식이나 예산을 말해 줘요!"
            : $"대신 {food} 먹을 수 있는 곳은 찾아 줄 수 있어요. 찾아 줄까요?";
        return $"{refusal}\n{offer}";
    }

    /// <summary>A venue word as a child reads it: Hangul as said, anything else (hof, bar) as "그런 곳".</summary>
    private static string VenueName(string word) => word.Any(c => c is >= '가' and <= '힣') ? word : "그런 곳";
}
