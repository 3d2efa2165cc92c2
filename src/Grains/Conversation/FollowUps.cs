using Naviyam.Chat;
using Naviyam.Lexicons;

namespace Naviyam.Conversation;

/// <summary>Messages about the previous answer rather than a new search; the phrases come from <see cref="FollowUpPhrases"/>.</summary>
public sealed class FollowUps(FollowUpPhrases phrases)
{
    /// <summary>
    /// "더 싼 데 없어?": the lowest price the last answer offered (after coupons), which this turn must beat; null when the
    /// message does not ask for cheaper or the last answer priced nothing.
    /// </summary>
    public int? CheaperThan(string compactText, ChatReply? previousReply) =>
        Says(phrases.Cheaper, compactText)
        && previousReply?.Recommendations.Min(r => r.FinalPrice) is { } lowest and > 0
            ? lowest
            : null;

    /// <summary>
    /// The recommendation a "where is it" question points at ("거기 어떻게 가?" → the first; "2번 주소" → the second),
    /// or null when the message is not such a question or the last answer offered nothing.
    /// </summary>
    public RecommendationView? ShopAskedAbout(string compactText, ChatReply? previousReply)
    {
        var offered = previousReply is null ? []
            : previousReply.Recommendations.Count > 0 ? previousReply.Recommendations : previousReply.PriceUnknown;
        if (offered.Count == 0 || !Says(phrases.Where, compactText))
        {
            return null;
        }
        // "강남역 1번 출구" is a place, not the first pick.
        var ordinals = compactText.Contains("출구", StringComparison.Ordinal) ? [] : phrases.Ordinals;
        for (var index = 0; index < ordinals.Count; index++)
        {
            if (Says(ordinals[index], compactText))
            {
                return index < offered.Count ? offered[index] : null;
            }
        }
        if (Says(phrases.Pointers, compactText))
        {
            return offered[0];
        }
        return offered.FirstOrDefault(r => compactText.Contains(r.ShopName.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal));
    }

    private static bool Says(IReadOnlyList<string> cues, string compactText) =>
        cues.Any(cue => compactText.Contains(cue, StringComparison.Ordinal));
}
