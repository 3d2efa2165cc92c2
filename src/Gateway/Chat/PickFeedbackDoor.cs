using Naviyam.Gateway.Telemetry;
using Naviyam.Chat;
using Naviyam.Gateway.Validation;
using Naviyam.Learning;

namespace Naviyam.Gateway.Chat;

/// <summary>
/// Feedback on a pick, as <c>POST /api/me/feedback</c> and the hub's <c>SendFeedback</c> take it: the session and turn
/// that showed the pick, the pick's shop id and what the user did (<c>opened</c>, <c>go</c> for "여기 갈래",
/// <c>other</c> for "다른 데 보여줘").
/// </summary>
public sealed record FeedbackMessage(string? SessionId, string? TurnId, string? ShopId, string? Kind);

/// <summary>What feedback answers: the pick's position in the turn's list.</summary>
public sealed record FeedbackAccepted(bool Recorded, int Position);

/// <summary>How feedback ended, for each transport to answer in its own shape.</summary>
public abstract record FeedbackResult
{
    private FeedbackResult()
    {
    }

    public sealed record Accepted(FeedbackAccepted Receipt) : FeedbackResult;

    public sealed record Invalid(InputErrors Errors) : FeedbackResult;

    public sealed record ForbiddenSession : FeedbackResult;
}

/// <summary>
/// What REST and SignalR share for feedback: validation, then the session's grain, which checks that the session is the
/// user's and that the turn showed the shop before anything is recorded.
/// </summary>
public static class PickFeedbackDoor
{
    /// <summary>Shop ids are "source:id" ("generated:12"): longer than the other ids and with a colon.</summary>
    private const int MaxShopIdLength = 100;

    public static Validated<(string SessionId, PickFeedback Feedback)> Validate(FeedbackMessage? message)
    {
        var (sessionId, turnId, shopId, kind) = message ?? new FeedbackMessage(null, null, null, null);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!InputIds.IsValid(sessionId))
        {
            errors["sessionId"] = [InputIds.Rule("sessionId")];
        }
        if (!InputIds.IsValid(turnId))
        {
            errors["turnId"] = [InputIds.Rule("turnId")];
        }
        if (string.IsNullOrWhiteSpace(shopId) || shopId.Length > MaxShopIdLength || shopId.Any(char.IsWhiteSpace))
        {
            errors["shopId"] = [$"shopId must be the id of a pick (1–{MaxShopIdLength} characters, no spaces)."];
        }
        if (kind is null || !FeedbackKinds.All.Contains(kind))
        {
            errors["kind"] = [$"kind must be one of {string.Join(", ", FeedbackKinds.All)}."];
        }
        return Validated<(string, PickFeedback)>.From(errors, () => (sessionId!, new PickFeedback(turnId!, shopId!, kind!)));
    }

    public static async Task<FeedbackResult> SendAsync(IGrainFactory grains, TurnMetrics metrics, string userId, FeedbackMessage? message)
    {
        var input = Validate(message);
        if (!input.IsValid)
        {
            return new FeedbackResult.Invalid(input.Errors);
        }
        var (sessionId, feedback) = input.Value;
        FeedbackReceipt receipt;
        try
        {
            receipt = await grains.GetGrain<ISessionFeedbackGrain>(sessionId).SendFeedbackAsync(userId, feedback);
        }
        catch (SessionOwnershipException)
        {
            return new FeedbackResult.ForbiddenSession();
        }
        if (receipt is { Outcome: FeedbackOutcome.Recorded })
        {
            metrics.RecordFeedback(feedback.Kind);
        }
        return receipt switch
        {
            { Outcome: FeedbackOutcome.Recorded, Position: { } position } => new FeedbackResult.Accepted(new FeedbackAccepted(true, position)),
            { Outcome: FeedbackOutcome.NotShown } => Invalid("shopId", "That turn of the session did not show this shop."),
            _ => Invalid("turnId", "The session has no such turn (or it is too old for feedback)."),
        };
    }

    private static FeedbackResult.Invalid Invalid(string field, string message) =>
        new(new InputErrors(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] }));
}
