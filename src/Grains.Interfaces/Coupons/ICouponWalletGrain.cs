namespace Naviyam.Coupons;

/// <summary>
/// One user's coupon wallet (key: user id): the <c>user_coupon_wallet</c> rows still usable, loaded on activation.
/// Issuing writes through before it answers; a reminder marks coupons EXPIRED when their time comes.
/// Using a coupon is part of an order (<see cref="Naviyam.Cards.IFoodCardGrain.PlaceOrderAsync"/>), never a call here.
/// </summary>
[Alias("naviyam.ICouponWalletGrain")]
public interface ICouponWalletGrain : IGrainWithStringKey
{
    /// <summary>The usable coupons, soonest expiry first: active, not expired, inside their validity dates.</summary>
    [Alias("GetActive")]
    Task<IReadOnlyList<WalletCoupon>> GetActiveAsync();

    /// <summary>
    /// Puts one copy of a coupon into the wallet. Idempotent by <paramref name="issueKey"/>: the same key returns the
    /// copy issued first. <paramref name="expiresAt"/> defaults to the end of the coupon's last valid day (Seoul).
    /// </summary>
    [Alias("Issue")]
    Task<IssueResult> IssueAsync(string couponId, string issueKey, string source, DateTimeOffset? expiresAt = null);

    /// <summary>The coupon that takes the most off an order of this amount at this shop, or null when none applies.</summary>
    [Alias("BestFor")]
    Task<CouponChoice?> BestForAsync(int orderAmount, CouponTarget target);

    /// <summary>The best coupon for each of several meals in one call (the turn pipeline prices every recommendation).</summary>
    [Alias("BestForEach")]
    Task<IReadOnlyList<CouponChoice?>> BestForEachAsync(IReadOnlyList<CouponQuery> queries);

    /// <summary>Reads the wallet again from the store: an order used a coupon, or a row changed elsewhere.</summary>
    [Alias("Reload")]
    Task ReloadAsync();
}

/// <summary>One coupon held by a user: a <c>user_coupon_wallet</c> row with its definition.</summary>
[GenerateSerializer, Immutable, Alias("naviyam.wallet-coupon.v1")]
public sealed record WalletCoupon(
    [property: Id(0)] long WalletCouponId,
    [property: Id(1)] Coupon Coupon,
    [property: Id(2)] DateTimeOffset AcquiredAt,
    [property: Id(3)] DateTimeOffset? ExpiresAt,
    [property: Id(4)] string Status,
    [property: Id(5)] string? Source)
{
    public const string Active = "ACTIVE";
    public const string Used = "USED";
    public const string Expired = "EXPIRED";

    /// <summary>Active, not past its expiry instant, and inside the coupon's validity dates on that Seoul day.</summary>
    public bool IsUsableAt(DateTimeOffset now, DateOnly seoulDate) =>
        Status == Active && (ExpiresAt is null || ExpiresAt > now) && Coupon.IsValidOn(seoulDate);
}

[GenerateSerializer, Immutable, Alias("naviyam.coupon-query.v1")]
public sealed record CouponQuery(
    [property: Id(0)] int OrderAmount,
    [property: Id(1)] CouponTarget Target);

/// <summary>A coupon picked for an order, with what it takes off and what is left to pay.</summary>
[GenerateSerializer, Immutable, Alias("naviyam.coupon-choice.v1")]
public sealed record CouponChoice(
    [property: Id(0)] WalletCoupon Coupon,
    [property: Id(1)] int Discount,
    [property: Id(2)] int PriceAfterDiscount);

[GenerateSerializer, Immutable, Alias("naviyam.issue-result.v1")]
public sealed record IssueResult(
    [property: Id(0)] WalletCoupon? Coupon,
    [property: Id(1)] bool Duplicate,
    [property: Id(2)] string? Error);
