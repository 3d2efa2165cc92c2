namespace Naviyam.Coupons;

/// <summary>Picks the coupon to use on an order: a pure rule shared by the wallet, checkout and the turn pipeline.</summary>
public static class CouponChooser
{
    /// <summary>
    /// The usable coupon with the largest discount on this order; on a tie the one that expires first (use it before it
    /// is lost), then the oldest copy. Null when no coupon takes anything off.
    /// </summary>
    public static CouponChoice? Best(IReadOnlyList<WalletCoupon> wallet, int orderAmount, CouponTarget target, DateTimeOffset now, DateOnly seoulDate)
    {
        var (coupon, discount) = BestDiscount(wallet, orderAmount, target, now, seoulDate);
        return coupon is null ? null : new CouponChoice(coupon, discount, orderAmount - discount);
    }

    /// <summary>
    /// <see cref="Best"/> without making its choice: the coupon (null when none takes anything off) and its discount.
    /// Retrieval prices every menu it judges with this and makes a choice only for the meals it keeps.
    /// </summary>
    public static (WalletCoupon? Coupon, int Discount) BestDiscount(IReadOnlyList<WalletCoupon> wallet, int orderAmount, CouponTarget target,
        DateTimeOffset now, DateOnly seoulDate)
    {
        ArgumentNullException.ThrowIfNull(wallet);
        WalletCoupon? best = null;
        var bestDiscount = 0;
        // An index loop: foreach over an interface boxes its enumerator.
        for (var i = 0; i < wallet.Count; i++)
        {
            var coupon = wallet[i];
            if (!coupon.IsUsableAt(now, seoulDate))
            {
                continue;
            }
            var discount = coupon.Coupon.DiscountFor(orderAmount, target);
            if (discount <= 0)
            {
                continue;
            }
            if (best is null || discount > bestDiscount || (discount == bestDiscount && ExpiresBefore(coupon, best)))
            {
                (best, bestDiscount) = (coupon, discount);
            }
        }
        return (best, bestDiscount);
    }

    private static bool ExpiresBefore(WalletCoupon candidate, WalletCoupon current)
    {
        var candidateExpiry = candidate.ExpiresAt ?? DateTimeOffset.MaxValue;
        var currentExpiry = current.ExpiresAt ?? DateTimeOffset.MaxValue;
        return candidateExpiry != currentExpiry
            ? candidateExpiry < currentExpiry
            : candidate.WalletCouponId < current.WalletCouponId;
    }
}
