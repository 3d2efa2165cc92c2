using Naviyam.Ranking;
using Naviyam.Shops;

namespace Naviyam.Coupons;

/// <summary>
/// The spec's coupon step: each recommended meal gets the user's coupon that takes the most off it (the same pure
/// rule checkout applies, <see cref="CouponChooser"/>), so the reply can show the price the child will really pay.
/// </summary>
public static class CouponStage
{
    /// <summary>One entry per pick, in the picks' order: its best coupon, or null (no price to discount, none applies).</summary>
    public static IReadOnlyList<CouponChoice?> BestFor(IReadOnlyList<ScoredCandidate> picks, IReadOnlyList<WalletCoupon> wallet, DateTimeOffset localNow)
    {
        var choices = new CouponChoice?[picks.Count];
        if (wallet.Count == 0)
        {
            return choices;
        }
        var now = localNow.ToUniversalTime();
        var today = DateOnly.FromDateTime(localNow.DateTime);
        for (var i = 0; i < picks.Count; i++)
        {
            var candidate = picks[i].Candidate;
            if (candidate.Meal?.Price is { } price)
            {
                var shop = candidate.Shop;
                var target = new CouponTarget(shop.Id, shop.Category, shop.MealCard is MealCardAcceptance.Yes or MealCardAcceptance.Partial);
                choices[i] = CouponChooser.Best(wallet, price, target, now, today);
            }
        }
        return choices;
    }
}
