namespace Naviyam.Coupons;

/// <summary>
/// Emergency coupons: the wallet copies the spec's <c>acquisition_source</c> marks <c>emergency_assist</c> (the month-end
/// help for a low balance). A child who needs to eat now hears about one they hold before anything else.
/// </summary>
public static class EmergencyCoupons
{
    public const string Source = "emergency_assist";

    /// <summary>The usable emergency coupon that ends soonest, or null.</summary>
    public static WalletCoupon? FirstUsable(IEnumerable<WalletCoupon> wallet, DateTimeOffset now, DateOnly seoulDate) =>
        wallet.Where(c => c.Source == Source && c.IsUsableAt(now, seoulDate))
            .OrderBy(c => c.ExpiresAt ?? DateTimeOffset.MaxValue)
            .ThenBy(c => c.WalletCouponId)
            .FirstOrDefault();
}
