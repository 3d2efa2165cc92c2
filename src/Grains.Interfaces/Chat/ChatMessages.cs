using System.Text.Json.Serialization;
using Naviyam.Cards;
using Naviyam.Orders;
using Naviyam.Shops;

namespace Naviyam.Chat;

/// <summary>One user message as it reaches a <c>ConversationGrain</c>, already authenticated and validated.</summary>
[GenerateSerializer, Immutable, Alias("naviyam.chat-turn.v1")]
public sealed record ChatTurn(
    [property: Id(0)] string UserId,
    [property: Id(1)] string TurnId,
    [property: Id(2)] string Text,
    [property: Id(3)] GeoPoint? Location,
    [property: Id(4)] int? UserAge);

[GenerateSerializer, Immutable, Alias("naviyam.chat-reply.v1")]
public sealed record ChatReply
{
    [Id(0)] public required string TurnId { get; init; }
    [Id(1)] public required string Reply { get; init; }
    [Id(2)] public required string Intent { get; init; }
    [Id(3)] public double Confidence { get; init; }
    [Id(4)] public required Entities Entities { get; init; }
    [Id(5)] public required Entities Slots { get; init; }
    [Id(6)] public IReadOnlyList<RecommendationView> Recommendations { get; init; } = [];
    [Id(7)] public TurnTimings Timings { get; init; } = new();
    /// <summary>True when this reply answers a turn id the session had already answered (a client retry).</summary>
    [Id(8)] public bool Replayed { get; init; }
    /// <summary>
    /// With a budget and nothing verified under it: nearby shops without menu prices whose kind usually fits it, listed
    /// apart from <see cref="Recommendations"/> because their prices are unconfirmed (each flagged "가격 정보 없음").
    /// </summary>
    [Id(9)] public IReadOnlyList<RecommendationView> PriceUnknown { get; init; } = [];
    /// <summary>An order this turn proposes: the next "응" places it, anything else drops it (see <see cref="ChatActions"/>).</summary>
    [Id(13)] public PendingOrder? PendingOrder { get; init; }
    /// <summary>The order this turn placed or cancelled, as its receipt.</summary>
    [Id(14)] public OrderReceipt? Order { get; init; }
    /// <summary>The user's card as this turn saw it, on turns about the card or an order.</summary>
    [Id(15)] public FoodCardSummary? Card { get; init; }
    /// <summary>What the turn did instead of a search (<see cref="ChatActions"/>); null for a search or small talk.</summary>
    [Id(16)] public string? Action { get; init; }
    /// <summary>The ranking arm that ordered <see cref="Recommendations"/> ("wide_deep", "heuristic"); null when nothing was ranked.</summary>
    [Id(20)] public string? RankingMethod { get; init; }
    /// <summary>
    /// What this turn answered without, because it did not answer in time (<c>profile</c>, <c>card</c>, <c>wallet</c>):
    /// the turn went on without learned tastes, the card's balance or coupons. Null when nothing was missing.
    /// </summary>
    [Id(25)] public IReadOnlyList<string>? Degraded { get; init; }
    /// <summary>The text was rewritten by the configured language model (its facts checked against this reply's); false: the template.</summary>
    [Id(30)] public bool Rewritten { get; init; }
    /// <summary>The onboarding question about the user's tastes this reply ended with (asked once per user); null otherwise.</summary>
    [Id(34)] public string? PreferenceQuestion { get; init; }
}

/// <summary>What a turn did instead of searching (<see cref="ChatReply.Action"/>).</summary>
public static class ChatActions
{
    /// <summary>Alcohol, tobacco or an adult venue was asked for and kindly refused, with an offer of food.</summary>
    public const string Refusal = "refusal";
    /// <summary>A pick of the last answer was asked about: where, how far, price, menu, hours, phone, or that there is no such pick.</summary>
    public const string Pick = "pick";
    /// <summary>The card's balance was asked for.</summary>
    public const string Balance = "balance";
    /// <summary>An order is proposed and waits for "응" (<see cref="ChatReply.PendingOrder"/>).</summary>
    public const string OrderConfirm = "order_confirm";
    /// <summary>An order was placed (<see cref="ChatReply.Order"/>).</summary>
    public const string OrderPlaced = "order_placed";
    /// <summary>The last order was cancelled, its money and coupon given back (<see cref="ChatReply.Order"/>).</summary>
    public const string OrderCancelled = "order_cancelled";
    /// <summary>Any other answer about ordering: which pick, a refused or declined order, an order that can no longer be cancelled.</summary>
    public const string Order = "order";
}

[GenerateSerializer, Immutable, Alias("naviyam.recommendation.v1")]
public sealed record RecommendationView
{
    [Id(0)] public required string ShopId { get; init; }
    [Id(1)] public required string ShopName { get; init; }
    [Id(2)] public string? MenuName { get; init; }
    [Id(3)] public int? Price { get; init; }
    [Id(4)] public int? FinalPrice { get; init; }
    [Id(5)] public string? CouponId { get; init; }
    [Id(6)] public int? DistanceMeters { get; init; }
    [Id(7)] public double Score { get; init; }
    [Id(8)] public IReadOnlyList<string> Reasons { get; init; } = [];
    [Id(9)] public IReadOnlyList<string> Flags { get; init; } = [];
    /// <summary>The user's best coupon for this meal (then <see cref="FinalPrice"/> is the price after it).</summary>
    [Id(10)] public string? CouponName { get; init; }
    [Id(11)] public int? Discount { get; init; }
    [Id(12)] public long? WalletCouponId { get; init; }
    /// <summary>
    /// Not a match but offered instead, after the reply said there is none: outside the named area, a similar dish, or a
    /// shop that might serve the dish. <see cref="AlternativeReason"/> says which, in Korean.
    /// </summary>
    [Id(13)] public bool Alternative { get; init; }
    [Id(14)] public string? AlternativeReason { get; init; }
    /// <summary>The shop's address as the merchant list gives it.</summary>
    [Id(15)] public string? Address { get; init; }
    /// <summary>The area the shop lies in, as a user says it ("아라동", "애월읍", "은평구").</summary>
    [Id(16)] public string? Area { get; init; }
    /// <summary>The distance is to the point of the shop's address area, not to the shop itself (its coordinates are missing or wrong).</summary>
    [Id(17)] public bool DistanceApproximate { get; init; }
    /// <summary>Open at the time the search was for (now, or the meal time asked for); null when the hours are unknown.</summary>
    [Id(25)] public bool? Open { get; init; }
    /// <summary>The shop's hours on the day of the turn, as a card shows them ("11:00~21:00", "24시간", "휴무"); null when unknown.</summary>
    [Id(26)] public string? HoursToday { get; init; }
    /// <summary>The shop's point for a map link (the area's point when <see cref="DistanceApproximate"/>).</summary>
    [Id(27)] public double? Latitude { get; init; }
    [Id(28)] public double? Longitude { get; init; }
    [Id(29)] public string? Phone { get; init; }
}

/// <summary>Per-stage wall time of one turn, in microseconds (what <c>performance_logs</c> stores), and the metered stages' own CPU and allocations.</summary>
[GenerateSerializer, Immutable, Alias("naviyam.turn-timings.v1")]
public sealed record TurnTimings
{
    [Id(0), JsonPropertyName("preprocess_us")] public long PreprocessMicros { get; init; }
    [Id(1), JsonPropertyName("context_us")] public long ContextMicros { get; init; }
    [Id(2), JsonPropertyName("nlu_us")] public long NluMicros { get; init; }
    [Id(3), JsonPropertyName("retrieval_us")] public long RetrievalMicros { get; init; }
    [Id(4), JsonPropertyName("ranking_us")] public long RankingMicros { get; init; }
    [Id(5), JsonPropertyName("coupons_us")] public long CouponMicros { get; init; }
    [Id(6), JsonPropertyName("reply_us")] public long ReplyMicros { get; init; }
    [Id(7), JsonPropertyName("logging_us")] public long LoggingMicros { get; init; }
    [Id(8), JsonPropertyName("total_us")] public long TotalMicros { get; init; }
    /// <summary>
    /// Thread CPU nanoseconds of the stages that run on the turn's own thread without waiting for another grain; null
    /// where not measured (a waiting stage, a stage that resumed on another thread, a host without a thread CPU clock).
    /// </summary>
    [Id(9), JsonPropertyName("cpu_ns")] public StageCosts? CpuNanos { get; init; }
    /// <summary>Bytes those stages allocated on the turn's thread (<c>GC.GetAllocatedBytesForCurrentThread</c>).</summary>
    [Id(10), JsonPropertyName("alloc_bytes")] public StageCosts? AllocatedBytes { get; init; }

    /// <summary>One number per metered stage (the waiting stages, context and ranking, are not metered).</summary>
    [GenerateSerializer, Immutable, Alias("naviyam.turn-timings.stage-costs.v1")]
    public sealed record StageCosts
    {
        [Id(0), JsonPropertyName("preprocess")] public long? Preprocess { get; init; }
        [Id(1), JsonPropertyName("nlu")] public long? Nlu { get; init; }
        [Id(2), JsonPropertyName("retrieval")] public long? Retrieval { get; init; }
        [Id(3), JsonPropertyName("coupons")] public long? Coupons { get; init; }
        [Id(4), JsonPropertyName("reply")] public long? Reply { get; init; }
    }
}

/// <summary>What the NLU made of one message, independent of any session.</summary>
[GenerateSerializer, Immutable, Alias("naviyam.nlu-result.v1")]
public sealed record NluResult(
    [property: Id(0)] string Intent,
    [property: Id(1)] double Confidence,
    [property: Id(2)] Entities Entities);
