namespace Naviyam.Coupons;

/// <summary>Picks the coupon to use on an order: a pure rule shared by the wallet, checkout and the turn pipeline.</summary>
public static class CouponChooser
{
    /// <summary>
    /// The usable coupon with the largest discount on this order; on a tie the one that expires first (use it before it
    /// is lost), then the oldest copy. Null when no coupon takes anything off.
    /// </summary>
    public static CouponChoice? Best(IEnumerable<WalletCoupon> wallet, int orderAmount, CouponTarget target, DateTimeOffset now, DateOnly seoulDate)
    {
        ArgumentNullException.ThrowIfNull(wallet);
        CouponChoice? best = null;
        foreach (var coupon in wallet)
        {
            if (!coupon.IsUsableAt(now, seoulDate))
            {
                continue;
            }
            var discount = coupon.Coupon.DiscountFor(orderAmount, target);
            if (discount <= 0)
            {
                continue;
            }
            if (best is null || discount > best.Discount || (discount == best.Discount && ExpiresBefore(coupon, best.Coupon)))
            {
                best = new CouponChoice(coupon, discount, orderAmount - discount);
            }
        }
        return best;
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
