using Microsoft.Extensions.Logging;
using Naviyam.Orders;

namespace Naviyam.Learning;

/// <summary>
/// One user's learning signals. It remembers the picks recently shown to the user (from any of their sessions), so a
/// question about a pick or an order for a recommended shop is linked to the turn that showed it, and keeps the user's
/// journey counts, written to <see cref="IJourneyStore"/> as they change. Nothing here is needed to answer a turn:
/// callers do not wait for it, and a lost activation only loses the link for orders placed right after.
/// </summary>
public sealed class UserLearningGrain(IInteractionLog log, IJourneyStore journeys, ILogger<UserLearningGrain> logger)
    : Grain, IUserLearningGrain
{
    /// <summary>Picks remembered for linking; older ones are not what an order or a question is about.</summary>
    private const int RememberedPicks = 30;

    /// <summary>An order placed this long after the pick was shown still counts as the recommendation's.</summary>
    private static readonly TimeSpan OrderAttribution = TimeSpan.FromHours(6);

    private readonly LinkedList<(string SessionId, string TurnId, ShownPick Pick, DateTimeOffset At)> recent = new();
    private JourneyState? journey;

    private string UserId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        journey = await journeys.ReadAsync(UserId, cancellationToken);

    async Task IUserLearningGrain.ObserveTurnAsync(LearningTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Shown.Count > 0)
        {
            await log.RecordShownAsync(UserId, turn);
            foreach (var pick in turn.Shown)
            {
                Remember(turn.SessionId, turn.TurnId, pick, turn.At);
            }
        }
        var asked = turn.AskedAboutShopId is { } shopId ? Find(shopId, turn.At, TimeSpan.MaxValue) : null;
        if (asked is { } pick2)
        {
            await log.RecordAsync(new InteractionRecord(UserId, pick2.SessionId, pick2.TurnId, turn.At, InteractionTypes.FollowUp,
                pick2.Pick.ShopId, pick2.Pick.Position));
        }
        await UpdateJourneyAsync(turn.SessionId, turn.At, j => j with
        {
            Turns = j.Turns + 1,
            RecommendationTurns = j.RecommendationTurns + (turn.Shown.Count > 0 ? 1 : 0),
            FollowUps = j.FollowUps + (asked is null ? 0 : 1),
        });
    }

    async Task IUserLearningGrain.RecordFeedbackAsync(string sessionId, PickFeedback feedback, int position, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        await log.RecordAsync(new InteractionRecord(UserId, sessionId, feedback.TurnId, at, InteractionTypes.Of(feedback.Kind), feedback.ShopId, position)
        {
            Kind = feedback.Kind,
        });
        await UpdateJourneyAsync(sessionId, at, j => feedback.Kind switch
        {
            FeedbackKinds.Opened => j with { Opened = j.Opened + 1 },
            FeedbackKinds.Go => j with { Selections = j.Selections + 1 },
            _ => j with { Rejections = j.Rejections + 1 },
        });
    }

    async Task IUserLearningGrain.ObserveOrderAsync(OrderReceipt receipt, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var shown = Find(receipt.ShopId, at, OrderAttribution);
        await log.RecordAsync(new InteractionRecord(UserId, shown?.SessionId, shown?.TurnId, at, InteractionTypes.Order, receipt.ShopId, shown?.Pick.Position)
        {
            Amount = receipt.Paid,
            MenuName = receipt.MenuName,
            Recommended = shown is not null,
        });
        await UpdateJourneyAsync(shown?.SessionId, at, j => j with
        {
            Orders = j.Orders + 1,
            RecommendedOrders = j.RecommendedOrders + (shown is null ? 0 : 1),
        });
    }

    private void Remember(string sessionId, string turnId, ShownPick pick, DateTimeOffset at)
    {
        recent.AddFirst((sessionId, turnId, pick, at));
        while (recent.Count > RememberedPicks)
        {
            recent.RemoveLast();
        }
    }

    /// <summary>The latest showing of the shop within <paramref name="window"/> before <paramref name="at"/>.</summary>
    private (string SessionId, string TurnId, ShownPick Pick, DateTimeOffset At)? Find(string shopId, DateTimeOffset at, TimeSpan window)
    {
        foreach (var entry in recent)
        {
            if (entry.Pick.ShopId == shopId && (window == TimeSpan.MaxValue || at - entry.At <= window))
            {
                return entry;
            }
        }
        return null;
    }

    private async Task UpdateJourneyAsync(string? sessionId, DateTimeOffset at, Func<JourneyState, JourneyState> change)
    {
        var current = journey ?? new JourneyState(UserId, sessionId, at, at);
        journey = change(current with { FirstSessionId = current.FirstSessionId ?? sessionId, LastAt = at > current.LastAt ? at : current.LastAt });
        try
        {
            await journeys.SaveAsync(journey);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The journey is analytics: a failed write is retried by the next change, which carries every count.
            logger.LogWarning(ex, "Journey of a user not saved; the next change retries it");
        }
    }
}
