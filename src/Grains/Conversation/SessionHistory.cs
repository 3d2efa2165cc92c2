using Naviyam.Chat;

namespace Naviyam.Conversation;

/// <summary>
/// The session a turn belongs to, as the conversation stages read it: its id (an order placed from the chat is keyed by
/// it) and its last replies, oldest first, which hold the last list of shops and a proposal waiting for its "응".
/// </summary>
public sealed record SessionHistory(string SessionId, IReadOnlyList<ChatReply> Replies)
{
    /// <summary>A history of at most one reply, for a caller that keeps no more.</summary>
    public static SessionHistory Of(string sessionId, ChatReply? previous) => new(sessionId, previous is null ? [] : [previous]);

    public ChatReply? Last => Replies.Count > 0 ? Replies[^1] : null;

    /// <summary>
    /// The shops of the last answer that searched, and the one of them the conversation has talked about since ("2번
    /// 어디야" → 2), 1-based. Answers about a pick, about the card or an order, and small talk do not replace the list; a
    /// search that found nothing does (then there is no list).
    /// </summary>
    public (IReadOnlyList<RecommendationView> Offered, int? Focus) LastList()
    {
        var talkedAbout = new List<(string ShopId, string? MenuName)>();
        for (var i = Replies.Count - 1; i >= 0; i--)
        {
            var reply = Replies[i];
            if (reply.Action is not null)
            {
                if (reply.PendingOrder is { } pending)
                {
                    talkedAbout.Add((pending.ShopId, pending.MenuName));
                }
                else if (reply.Action == ChatActions.Pick && reply.Recommendations.Count == 1)
                {
                    talkedAbout.Add((reply.Recommendations[0].ShopId, reply.Recommendations[0].MenuName));
                }
                continue;
            }
            var offered = FollowUps.Offered(reply);
            if (offered.Count == 0 && reply.Intent == Intents.GeneralChat)
            {
                continue;
            }
            int? focus = null;
            foreach (var (shopId, menuName) in talkedAbout)
            {
                var index = offered.ToList().FindIndex(r => r.ShopId == shopId && (menuName is null || r.MenuName == menuName));
                if (index >= 0)
                {
                    focus = index + 1;
                    break;
                }
            }
            return (offered, focus);
        }
        return ([], null);
    }
}
