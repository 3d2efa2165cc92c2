using Naviyam.Orders;
using Naviyam.Shops;

namespace Naviyam.Learning;

/// <summary>
/// What a user did with a pick, as the chat page's buttons and the feedback endpoints name it. Stored in
/// <c>user_interactions.interaction_type</c> as <see cref="InteractionTypes"/> says.
/// </summary>
public static class FeedbackKinds
{
    /// <summary>The pick's card was opened (details shown).</summary>
    public const string Opened = "opened";
    /// <summary>"여기 갈래": the child chose this pick.</summary>
    public const string Go = "go";
    /// <summary>"다른 데 보여줘": the child wants something else than this pick.</summary>
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } = [Opened, Go, Other];
}

/// <summary>The spec's <c>user_interactions.interaction_type</c> values this service writes.</summary>
public static class InteractionTypes
{
    public const string DetailView = "detail_view";
    public const string Selection = "selection";
    /// <summary>"다른 데 보여줘" (a rejection of the pick).</summary>
    public const string Feedback = "feedback";
    /// <summary>A question about a pick ("거기 몇 시까지 해?").</summary>
    public const string FollowUp = "follow_up";
    /// <summary>An order placed (in chat or through <c>POST /api/me/orders</c>).</summary>
    public const string Order = "order";

    public static string Of(string feedbackKind) => feedbackKind switch
    {
        FeedbackKinds.Opened => DetailView,
        FeedbackKinds.Go => Selection,
        FeedbackKinds.Other => Feedback,
        _ => throw new ArgumentOutOfRangeException(nameof(feedbackKind), feedbackKind, "Not a feedback kind."),
    };

    /// <summary>The reactions the A/B report counts as a click on a pick.</summary>
    public static IReadOnlyList<string> Clicks { get; } = [DetailView, Selection, FollowUp];
}

/// <summary>Feedback on one pick of one turn of the session it is sent to.</summary>
[GenerateSerializer, Immutable, Alias("naviyam.pick-feedback.v1")]
public sealed record PickFeedback(
    [property: Id(0)] string TurnId,
    [property: Id(1)] string ShopId,
    [property: Id(2)] string Kind);

/// <summary>How feedback was taken: recorded, or why not (the turn is unknown to the session, or did not show the shop).</summary>
[GenerateSerializer]
public enum FeedbackOutcome
{
    Recorded = 0,
    UnknownTurn = 1,
    NotShown = 2,
}

/// <summary>The answer to feedback: the outcome and, when recorded, the pick's 1-based position in the turn's list.</summary>
[GenerateSerializer, Immutable, Alias("naviyam.feedback-receipt.v1")]
public sealed record FeedbackReceipt(
    [property: Id(0)] FeedbackOutcome Outcome,
    [property: Id(1)] int? Position = null);

/// <summary>
/// Feedback on a session's picks. Implemented by the conversation grain itself (same key, the session id), which knows
/// the session's owner and what each of its turns showed.
/// </summary>
[Alias("naviyam.ISessionFeedbackGrain")]
public interface ISessionFeedbackGrain : IGrainWithStringKey
{
    /// <summary>Records <paramref name="feedback"/> of <paramref name="userId"/>; throws <c>SessionOwnershipException</c> for another user's session.</summary>
    [Alias("SendFeedback")]
    Task<FeedbackReceipt> SendFeedbackAsync(string userId, PickFeedback feedback);
}

/// <summary>One pick a turn showed, with what the ranker saw (the learning log's row).</summary>
[GenerateSerializer, Immutable, Alias("naviyam.shown-pick.v1")]
public sealed record ShownPick(
    [property: Id(0)] string ShopId,
    [property: Id(1)] int Position,
    [property: Id(2)] double Score,
    [property: Id(3)] float[] Features,
    [property: Id(4)] IReadOnlyList<string> Drivers)
{
    [Id(5)] public string? Category { get; init; }
    [Id(6)] public int? Price { get; init; }
    [Id(7)] public double? DistanceMeters { get; init; }
    [Id(8)] public double Popularity { get; init; }
    [Id(9)] public int? BudgetCap { get; init; }
    /// <summary>From the behaviour features: the share of the user's choices in the shop's category (null without features).</summary>
    [Id(10)] public double? CategoryShare { get; init; }
    /// <summary>From the behaviour features: the user chose this shop before.</summary>
    [Id(11)] public bool? ChosenBefore { get; init; }
    /// <summary>From the behaviour features: the user's average paid meal, in won.</summary>
    [Id(12)] public double? UserAveragePaid { get; init; }

    // The rest of the candidate's raw facts (the ranker's CandidateFacts), so a log reader rebuilds exactly what any
    // later feature version needs; null/false for a listed pick the ranker did not score.
    /// <summary>The price is a real menu price, not the kind's typical one.</summary>
    [Id(13)] public bool PriceKnown { get; init; }
    /// <summary>Minutes until the shop closes at the meal time (capped at four hours); null when its hours are unknown.</summary>
    [Id(14)] public int? OpenMinutesLeft { get; init; }
    [Id(15)] public bool FoodMatched { get; init; }
    [Id(16)] public MealCardAcceptance MealCard { get; init; }
    [Id(17)] public bool GoodInfluence { get; init; }
}

/// <summary>What one turn of a user left for learning: the picks shown (none for most non-search turns) and what it was about.</summary>
[GenerateSerializer, Immutable, Alias("naviyam.learning-turn.v1")]
public sealed record LearningTurn(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string TurnId,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string? Method,
    [property: Id(4)] string ModelVersion,
    [property: Id(5)] IReadOnlyList<ShownPick> Shown)
{
    /// <summary>The pick this turn asked about ("거기 어디야?"), when it did.</summary>
    [Id(6)] public string? AskedAboutShopId { get; init; }

    /// <summary>The local (Seoul) time the picks were ranked for: when the child will eat. Null when nothing was ranked.</summary>
    [Id(7)] public DateTimeOffset? EatAt { get; init; }
    [Id(8)] public bool Urgent { get; init; }
    /// <summary>A food or kind of dish was asked for (then a pick's <see cref="ShownPick.FoodMatched"/> means something).</summary>
    [Id(9)] public bool FoodAsked { get; init; }
}

/// <summary>
/// One user's learning signals: the picks shown to them and what they did with them (<c>recommendation_features</c>,
/// <c>user_interactions</c>) and their journey (<c>user_journey_analytics</c>). Keyed by the user id.
/// </summary>
[Alias("naviyam.IUserLearningGrain")]
public interface IUserLearningGrain : IGrainWithStringKey
{
    [Alias("ObserveTurn")]
    Task ObserveTurnAsync(LearningTurn turn);

    /// <summary>Feedback the session already checked: the pick was shown in <paramref name="sessionId"/>'s turn at <paramref name="position"/>.</summary>
    [Alias("RecordFeedback")]
    Task RecordFeedbackAsync(string sessionId, PickFeedback feedback, int position, DateTimeOffset at);

    /// <summary>An order the user placed; linked to the turn that recommended its shop, when one did.</summary>
    [Alias("ObserveOrder")]
    Task ObserveOrderAsync(OrderReceipt receipt, DateTimeOffset at);
}

/// <summary>One arm of the A/B test over a period: turns that showed picks, and how many got a click or an order.</summary>
[GenerateSerializer, Immutable, Alias("naviyam.arm-rates.v1")]
public sealed record ArmRates(
    [property: Id(0)] string Method,
    [property: Id(1)] long Turns,
    [property: Id(2)] long Users,
    [property: Id(3)] long ClickedTurns,
    [property: Id(4)] long OrderedTurns)
{
    public double ClickRate => Turns == 0 ? 0 : (double)ClickedTurns / Turns;

    public double OrderRate => Turns == 0 ? 0 : (double)OrderedTurns / Turns;

    /// <summary>Half the 95 % interval of <see cref="ClickRate"/> (normal approximation): a gap between arms smaller than both margins says little.</summary>
    public double ClickRateMargin => Margin(ClickRate, Turns);

    public double OrderRateMargin => Margin(OrderRate, Turns);

    private static double Margin(double rate, long n) => n == 0 ? 0 : 1.96 * Math.Sqrt(rate * (1 - rate) / n);
}

/// <summary>The A/B report: click and order rates per ranking arm since <see cref="Since"/>.</summary>
[GenerateSerializer, Immutable, Alias("naviyam.ab-report.v1")]
public sealed record AbReport(
    [property: Id(0)] DateTimeOffset Since,
    [property: Id(1)] IReadOnlyList<ArmRates> Arms);

/// <summary>Reads the A/B report from the behaviour log (a stateless worker: any silo answers from the shared store).</summary>
[Alias("naviyam.ILearningReportGrain")]
public interface ILearningReportGrain : IGrainWithIntegerKey
{
    /// <summary>The report over the last <paramref name="period"/> of the service's clock.</summary>
    [Alias("GetAbReport")]
    Task<AbReport> GetAbReportAsync(TimeSpan period);
}
