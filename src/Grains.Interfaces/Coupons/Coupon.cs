using Naviyam.Shops;

namespace Naviyam.Coupons;

/// <summary>Where a coupon may be used: the spec's <c>usage_type</c> ALL, SHOP, CATEGORY or FOODCARD.</summary>
public enum CouponUsage
{
    All = 0,
    Shop = 1,
    Category = 2,
    /// <summary>Only for a payment with the child meal card, at a shop that takes it.</summary>
    FoodCard = 3,
}

/// <summary>The shop an order is placed at, as far as a coupon cares.</summary>
[GenerateSerializer, Immutable, Alias("naviyam.coupon-target.v1")]
public sealed record CouponTarget(
    [property: Id(0)] string ShopId,
    [property: Id(1)] FoodCategory Category,
    [property: Id(2)] bool AcceptsMealCard);

/// <summary>
/// A coupon definition: a row of <c>coupons</c>. The discount rule is pure, so the wallet, the checkout and the
/// turn pipeline all price a meal the same way.
/// </summary>
[GenerateSerializer, Immutable, Alias("naviyam.coupon.v1")]
public sealed record Coupon
{
    [Id(0)] public required string Id { get; init; }
    /// <summary>What a child reads, e.g. "급식카드 전용 1,000원 할인".</summary>
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public string? Description { get; init; }
    /// <summary>A fixed discount in won.</summary>
    [Id(3)] public int? DiscountAmount { get; init; }
    /// <summary>A rate in (0, 1]; with a fixed amount too, the larger discount applies.</summary>
    [Id(4)] public decimal? DiscountRate { get; init; }
    [Id(5)] public int MinOrderAmount { get; init; }
    [Id(6)] public CouponUsage Usage { get; init; } = CouponUsage.All;
    /// <summary>When not empty, the coupon only applies at shops of these categories.</summary>
    [Id(7)] public IReadOnlyList<FoodCategory> TargetCategories { get; init; } = [];
    /// <summary>When not empty, the coupon only applies at these shops (application shop ids, "source:sourceId").</summary>
    [Id(8)] public IReadOnlyList<string> ApplicableShops { get; init; } = [];
    /// <summary>First and last Seoul calendar day the coupon may be used, both inclusive.</summary>
    [Id(9)] public DateOnly? ValidFrom { get; init; }
    [Id(10)] public DateOnly? ValidUntil { get; init; }
    [Id(11)] public bool IsActive { get; init; } = true;

    public bool IsValidOn(DateOnly seoulDate) =>
        IsActive
        && (ValidFrom is null || seoulDate >= ValidFrom)
        && (ValidUntil is null || seoulDate <= ValidUntil);

    /// <summary>Whether the coupon may be used at this shop, whatever the amount.</summary>
    public bool AppliesTo(CouponTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (ApplicableShops.Count > 0 && !ApplicableShops.Contains(target.ShopId, StringComparer.Ordinal))
        {
            return false;
        }
        if (TargetCategories.Count > 0 && !TargetCategories.Contains(target.Category))
        {
            return false;
        }
        return Usage switch
        {
            // A shop or category coupon without its list would apply everywhere: treat it as applying nowhere.
            CouponUsage.Shop => ApplicableShops.Count > 0,
            CouponUsage.Category => TargetCategories.Count > 0,
            CouponUsage.FoodCard => target.AcceptsMealCard,
            _ => true,
        };
    }

    /// <summary>
    /// The discount in won on an order of <paramref name="orderAmount"/> won: 0 when the coupon does not apply or the
    /// order is below the minimum; the larger of the fixed and the rate discount (rounded down to a won) when both
    /// are set; never more than the order itself.
    /// </summary>
    public int DiscountFor(int orderAmount, CouponTarget target)
    {
        if (orderAmount <= 0 || orderAmount < MinOrderAmount || !AppliesTo(target))
        {
            return 0;
        }
        var byAmount = DiscountAmount is > 0 ? DiscountAmount.Value : 0;
        var byRate = DiscountRate is > 0 ? (int)Math.Floor(orderAmount * Math.Min(DiscountRate.Value, 1m)) : 0;
        return Math.Min(Math.Max(byAmount, byRate), orderAmount);
    }
}
