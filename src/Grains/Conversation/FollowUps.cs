using Naviyam.Chat;

namespace Naviyam.Conversation;

/// <summary>Messages about the previous answer rather than a new search.</summary>
public static class FollowUps
{
    private static readonly string[] WhereCues =
        ["어떻게가", "어케가", "어디야", "어딨", "어디있", "어디에있", "어디임", "주소", "위치", "가는길", "가는법", "찾아가"];

    private static readonly (string[] Cues, int Index)[] Ordinals =
    [
        (["1번", "첫번째", "첫째", "첫번"], 0),
        (["2번", "두번째", "둘째"], 1),
        (["3번", "세번째", "셋째"], 2),
    ];

    private static readonly string[] CheaperCues =
        ["더싼", "더저렴", "싼데없", "싼거없", "싼곳없", "덜비싼", "더싸게", "좀싼", "저렴한데없", "저렴한거없", "저렴한곳"];

    /// <summary>
    /// "더 싼 데 없어?": the lowest price the last answer offered (after coupons), which this turn must beat; null when the
    /// message does not ask for cheaper or the last answer priced nothing.
    /// </summary>
    public static int? CheaperThan(string compactText, ChatReply? previousReply) =>
        CheaperCues.Any(cue => compactText.Contains(cue, StringComparison.Ordinal))
        && previousReply?.Recommendations.Min(r => r.FinalPrice) is { } lowest and > 0
            ? lowest
            : null;

    private static readonly string[] Pointers = ["거기", "그가게", "그집", "그곳", "저기", "그데"];

    /// <summary>
    /// The recommendation a "where is it" question points at ("거기 어떻게 가?" → the first; "2번 주소" → the second),
    /// or null when the message is not such a question or the last answer offered nothing.
    /// </summary>
    public static RecommendationView? ShopAskedAbout(string compactText, ChatReply? previousReply)
    {
        var offered = previousReply is null ? []
            : previousReply.Recommendations.Count > 0 ? previousReply.Recommendations : previousReply.PriceUnknown;
        if (offered.Count == 0 || !WhereCues.Any(cue => compactText.Contains(cue, StringComparison.Ordinal)))
        {
            return null;
        }
        // "강남역 1번 출구" is a place, not the first pick.
        foreach (var (cues, index) in compactText.Contains("출구", StringComparison.Ordinal) ? [] : Ordinals)
        {
            if (cues.Any(cue => compactText.Contains(cue, StringComparison.Ordinal)))
            {
                return index < offered.Count ? offered[index] : null;
            }
        }
        if (Pointers.Any(pointer => compactText.Contains(pointer, StringComparison.Ordinal)))
        {
            return offered[0];
        }
        return offered.FirstOrDefault(r => compactText.Contains(r.ShopName.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal));
    }
}
