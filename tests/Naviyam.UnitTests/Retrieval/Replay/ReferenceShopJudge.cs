using Naviyam.Coupons;
using Naviyam.Retrieval;
using Naviyam.Shops;

namespace Naviyam.UnitTests.Retrieval.Replay;

/// <summary>
/// One search's verdict on one shop: the meal that makes it a match, or that it only fits at an unconfirmed price, or
/// serves a similar dish, or might serve the dish; and which limits its menus miss (for the reply's reasons). A shop
/// that lists menus is judged by them; one that lists none by its name and kind.
/// </summary>
internal readonly record struct ReferenceVerdict(
    Candidate? Fit,
    Candidate? PriceUnknown,
    Candidate? Similar,
    Candidate? Might,
    Candidate? CheapestOverBudget,
    ushort SeenMisses);

/// <summary>Judges shops for one query; built once per search, it allocates only for the shops it keeps.</summary>
internal sealed class ReferenceShopJudge(CandidateQuery query, DishRequest? dish, ReferenceExclusions exclusions, TypicalMealPrices typicalPrices, ReferenceCouponPricing coupons)
{
    public const int LimitCount = 4;

    /// <summary>The dish asked for, if any.</summary>
    public DishRequest? Dish => dish;

    private readonly DayOfWeek day = query.LocalNow.DayOfWeek;
    private readonly int minute = query.LocalNow.Hour * 60 + query.LocalNow.Minute;

    /// <summary>The limit a bit of <see cref="Misses"/> stands for.</summary>
    public static SearchLimit LimitOf(int bit) => bit switch
    {
        0 => SearchLimit.Dish,
        1 => SearchLimit.Hours,
        2 => SearchLimit.Restriction,
        _ => SearchLimit.Budget,
    };

    /// <summary>The shop's verdict; null when it may never be offered to this user (not a meal-card shop, not for children).</summary>
    public ReferenceVerdict? Judge(ShopRecord shop, double? distance, bool approximate)
    {
        if (shop.MealCard is not (MealCardAcceptance.Yes or MealCardAcceptance.Partial) || query.IsMinor && shop.NotForChildren)
        {
            return null;
        }
        var open = shop.Hours?.IsOpenAt(day, minute);
        var shopMisses = (open == false ? Misses.Hours : Misses.None) | (exclusions.ExcludesShop(shop) ? Misses.Restriction : Misses.None);
        var at = new Where(open, distance, approximate);
        return shop.Menus.Count > 0 ? ByMenus(shop, at, shopMisses) : ByNameAndKind(shop, at, shopMisses);
    }

    /// <summary>What every candidate of the shop carries; a struct, so a shop that is not kept costs no allocation.</summary>
    private readonly record struct Where(bool? Open, double? Distance, bool Approximate)
    {
        public Candidate Of(ShopRecord shop, bool foodMatched) =>
            new(shop, null, Open, Distance, foodMatched) { ApproximateDistance = Approximate };
    }

    private ReferenceVerdict ByMenus(ShopRecord shop, Where at, Misses shopMisses)
    {
        var cap = query.BudgetCap;
        ushort seen = 0;
        Priced fit = default, preferred = default, similar = default, overBudget = default;
        var unpricedMatch = false;
        var anyPriced = false;
        var priceUnknownPossible = false;
        var preference = dish is null ? query.Preference : null;
        foreach (var menu in shop.Menus)
        {
            anyPriced |= menu.Price is > 0;
            var isDish = dish is null ? menu.Kind == MenuKind.Meal : dish.Matches(menu, shop);
            var isSimilar = dish is not null && !isDish && dish.IsSimilar(menu, shop);
            if (!isDish && !isSimilar && menu.Kind != MenuKind.Meal)
            {
                // Drinks, sides and desserts neither answer a request nor count against one.
                continue;
            }
            var coupon = menu.Price is > 0 ? coupons.Best(menu, shop) : null;
            var final = coupon?.PriceAfterDiscount ?? menu.Price;
            var overCap = cap is { } limit && (final is not > 0 || final > limit || menu.Kind == MenuKind.SharedSet);
            var misses = shopMisses
                         | (isDish ? Misses.None : Misses.Dish)
                         | (exclusions.ExcludesMenu(menu) ? Misses.Restriction : Misses.None)
                         | (overCap ? Misses.Budget : Misses.None);
            seen |= (ushort)(1 << (int)misses);
            if (misses == Misses.None)
            {
                if (final is > 0)
                {
                    fit.Offer(menu, final.Value, coupon);
                    if (preference is not null && preference.Matches(menu.Name))
                    {
                        preferred.Offer(menu, final.Value, coupon);
                    }
                }
                else
                {
                    unpricedMatch = true;
                }
            }
            else if (misses == Misses.Budget && final is > 0 && menu.Kind != MenuKind.SharedSet)
            {
                overBudget.Offer(menu, final.Value, coupon);
            }
            if (isSimilar && (misses & ~Misses.Dish) == Misses.None && final is > 0)
            {
                similar.Offer(menu, final.Value, coupon);
            }
            priceUnknownPossible |= (misses & ~Misses.Budget) == Misses.None;
        }

        var matched = dish is not null;
        Candidate? match = null, unknown = null;
        if (preferred.Menu is not null)
        {
            // The wished-for kind of dish ("국물 있는 거") is what this shop is offered with; shops without one stay
            // eligible but rank lower (FoodMatched is the ranking's food feature).
            match = at.Of(shop, foodMatched: true) with { Meal = preferred.Menu, Coupon = preferred.Coupon };
        }
        else if (fit.Menu is not null)
        {
            match = at.Of(shop, matched) with { Meal = fit.Menu, Coupon = fit.Coupon };
        }
        else if (unpricedMatch && cap is null)
        {
            match = at.Of(shop, matched);
        }
        else if (cap is { } limit && !anyPriced && priceUnknownPossible && TypicalPrice(shop) is var typical && typical <= limit)
        {
            unknown = at.Of(shop, matched) with { TypicalPrice = typical };
        }
        return new ReferenceVerdict(
            match,
            unknown,
            similar.Menu is null ? null : at.Of(shop, foodMatched: false) with { Meal = similar.Menu, Coupon = similar.Coupon, Alternative = AlternativeKind.SimilarDish },
            null,
            overBudget.Menu is null ? null : at.Of(shop, matched) with { Meal = overBudget.Menu, Coupon = overBudget.Coupon },
            seen);
    }

    private ReferenceVerdict ByNameAndKind(ShopRecord shop, Where at, Misses shopMisses)
    {
        var evidence = dish?.ByNameAndKind(shop) ?? DishEvidence.Certain;
        // A spicy dish asked not spicy ("떡볶이" then "매운 거 못 먹어"): without a menu nothing shows a mild one.
        var misses = shopMisses
                     | (evidence == DishEvidence.Certain ? Misses.None : Misses.Dish)
                     | (dish is { IsSpicy: true } && exclusions.NotSpicy ? Misses.Restriction : Misses.None);
        var might = dish is not null && evidence == DishEvidence.Might && (misses & ~Misses.Dish) == Misses.None;
        if (query.BudgetCap is not { } cap)
        {
            return new ReferenceVerdict(
                misses == Misses.None ? at.Of(shop, dish is not null) : null,
                null,
                null,
                might ? at.Of(shop, foodMatched: false) with { Alternative = AlternativeKind.MightServe } : null,
                null,
                (ushort)(1 << (int)misses));
        }
        // With a budget nothing is verified to fit: at best its kind usually does, said as such.
        var typical = TypicalPrice(shop);
        var typicalFits = typical <= cap;
        return new ReferenceVerdict(
            null,
            misses == Misses.None && typicalFits ? at.Of(shop, dish is not null) with { TypicalPrice = typical } : null,
            null,
            might && typicalFits ? at.Of(shop, foodMatched: false) with { TypicalPrice = typical, Alternative = AlternativeKind.MightServe } : null,
            null,
            (ushort)(1 << (int)(misses | Misses.Budget)));
    }

    /// <summary>
    /// What the meal asked for usually costs at a shop without prices: the asked dish's kind decides (a chicken at a
    /// 분식집 named "떡볶이치킨" costs what chicken costs), else the shop's kind.
    /// </summary>
    private int TypicalPrice(ShopRecord shop) =>
        dish is { Dish.Category: not FoodCategory.Other } asked ? typicalPrices.Of(asked.Dish.Category) : typicalPrices.Of(shop.Category);

    /// <summary>The cheapest menu offered so far, by what it costs the user; a struct so a shop costs no allocation.</summary>
    private struct Priced
    {
        public MenuItem? Menu;
        public CouponChoice? Coupon;
        private int final;

        public void Offer(MenuItem menu, int finalPrice, CouponChoice? coupon)
        {
            if (Menu is null || finalPrice < final)
            {
                (Menu, Coupon, final) = (menu, coupon, finalPrice);
            }
        }
    }
}

/// <summary>
/// The user's coupons usable at the turn's moment, so that a meal fits when its price after the best of them does
/// (<see cref="CouponChooser"/>, the rule checkout applies).
/// </summary>
internal sealed class ReferenceCouponPricing
{
    public static ReferenceCouponPricing None { get; } = new([], default, default);

    private readonly WalletCoupon[] usable;
    private readonly DateTimeOffset now;
    private readonly DateOnly today;

    private ReferenceCouponPricing(WalletCoupon[] usable, DateTimeOffset now, DateOnly today)
    {
        this.usable = usable;
        this.now = now;
        this.today = today;
    }

    /// <param name="localNow">Seoul local time of the turn.</param>
    public static ReferenceCouponPricing For(IReadOnlyList<WalletCoupon> wallet, DateTimeOffset localNow)
    {
        if (wallet.Count == 0)
        {
            return None;
        }
        var now = localNow.ToUniversalTime();
        var today = DateOnly.FromDateTime(localNow.DateTime);
        var usable = wallet.Where(coupon => coupon.IsUsableAt(now, today)).ToArray();
        return usable.Length == 0 ? None : new ReferenceCouponPricing(usable, now, today);
    }

    public CouponChoice? Best(MenuItem menu, ShopRecord shop)
    {
        if (usable.Length == 0 || menu.Price is not { } price || price <= 0)
        {
            return null;
        }
        var target = new CouponTarget(shop.Id, shop.Category, shop.MealCard is MealCardAcceptance.Yes or MealCardAcceptance.Partial);
        return CouponChooser.Best(usable, price, target, now, today);
    }
}
