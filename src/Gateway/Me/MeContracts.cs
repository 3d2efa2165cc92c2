using Naviyam.Coupons;
using Naviyam.Orders;

namespace Naviyam.Gateway.Me;

/// <summary>The body of <c>POST /api/me/orders</c>.</summary>
public sealed record OrderBody(string? OrderKey, string? ShopId, string? MenuName, int? Quantity, int? UnitPrice, long? WalletCouponId);

public sealed record CardDto(bool HasCard, int Balance, string Status, string? TargetAgeGroup);

/// <summary>What <c>GET /api/me/coupons</c> answers: the usable wallet coupons, soonest expiry first.</summary>
public sealed record WalletView(IReadOnlyList<WalletCouponDto> Coupons);

public sealed record WalletCouponDto(
    long WalletCouponId, string CouponId, string Name, string? Description, int? DiscountAmount, decimal? DiscountRate,
    int MinOrderAmount, string Usage, IReadOnlyList<string> TargetCategories, IReadOnlyList<string> ApplicableShops, DateTimeOffset? ExpiresAt)
{
    public static WalletCouponDto From(WalletCoupon held) => new(
        held.WalletCouponId, held.Coupon.Id, held.Coupon.Name, held.Coupon.Description, held.Coupon.DiscountAmount, held.Coupon.DiscountRate,
        held.Coupon.MinOrderAmount, held.Coupon.Usage.ToString(), [.. held.Coupon.TargetCategories.Select(Naviyam.Shops.FoodCategoryNames.ToKorean)],
        held.Coupon.ApplicableShops, held.ExpiresAt);
}

/// <summary>
/// An order as the user sees it. <see cref="BalanceAfter"/> is the balance right after paying; a cancelled order also
/// says what came back (<see cref="Refunded"/>) and the balance right after that (<see cref="BalanceAfterCancel"/>).
/// </summary>
public sealed record ReceiptDto(
    long OrderId, string OrderKey, string ShopId, string MenuName, int Quantity, int OrderAmount, int Discount, int Paid, int BalanceAfter,
    long? WalletCouponId, string? CouponId, string? CouponName, DateTimeOffset PlacedAt, bool Replayed,
    string Status, DateTimeOffset? CancellableUntil, DateTimeOffset? AcceptedAt, DateTimeOffset? CancelledAt, int Refunded, int? BalanceAfterCancel)
{
    public static ReceiptDto From(OrderReceipt receipt, bool replayed) => new(
        receipt.OrderId, receipt.OrderKey, receipt.ShopId, receipt.MenuName, receipt.Quantity, receipt.OrderAmount, receipt.Discount,
        receipt.Paid, receipt.BalanceAfter, receipt.WalletCouponId, receipt.CouponId, receipt.CouponName, receipt.PlacedAt, replayed,
        receipt.Status, receipt.CancellableUntil, receipt.AcceptedAt, receipt.CancelledAt,
        receipt.Status == OrderStatus.Cancelled ? receipt.Paid : 0, receipt.BalanceAfterCancel);
}
