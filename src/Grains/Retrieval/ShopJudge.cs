using Naviyam.Coupons;
using Naviyam.Shops;

namespace Naviyam.Retrieval;

/// <summary>
/// One search's verdict on one shop: the meal that makes it a match, or that it only fits at an unconfirmed price, or
/// serves a similar dish, or might serve the dish; and which limits its menus miss (for the reply's reasons). A shop
/// that lists menus is judged by them; one that lists none by its name and kind.
/// </summary>
internal readonly record struct Verdict(
    Candidate? Fit,
    Candidate? PriceUnknown,
    Candidate? Similar,
    Candidate? Might,
    PricedMeal CheapestOverBudget,
    ushort SeenMisses)
{
    /// <summary>The shop's cheapest meal over the budget as a candidate, made only when the search keeps it.</summary>
    public Candidate OverBudgetCandidate() => CheapestOverBudget.Where.Of(CheapestOverBudget.Shop!, CheapestOverBudget.FoodMatched, CheapestOverBudget);
}

/// <summary>
/// <see cref="ShopJudge.Glance"/>'s answer: whether the shop may be offered to the user, whether it could be a candidate
/// (other than by an over-budget meal of <see cref="OverBudgetPrice"/>), and the misses its menus show when it is open
/// (as <see cref="Verdict.SeenMisses"/>; closed, each also misses the hours).
/// </summary>
internal readonly record struct QuickLook(bool Offered, bool MayBeCandidate, ushort SeenWhenOpen, int OverBudgetPrice = int.MaxValue);

/// <summary>What every candidate of a shop carries; a struct, so a shop that is not kept costs no allocation.</summary>
internal readonly record struct Where(bool? Open, double? Distance, bool Approximate)
{
    public Candidate Of(ShopRecord shop, bool foodMatched, int? typicalPrice = null, AlternativeKind alternative = AlternativeKind.None) =>
        new(shop, null, Open, Distance, foodMatched, typicalPrice) { ApproximateDistance = Approximate, Alternative = alternative };

    public Candidate Of(ShopRecord shop, bool foodMatched, in PricedMeal meal, AlternativeKind alternative = AlternativeKind.None) =>
        new(shop, meal.Menu, Open, Distance, foodMatched)
        {
            ApproximateDistance = Approximate,
            Coupon = meal.Coupon is null ? null : new CouponChoice(meal.Coupon, meal.Discount, meal.Final),
            Alternative = alternative,
        };
}

/// <summary>
/// The cheapest menu offered so far, by what it costs the user, with what its candidate needs; a struct so that a shop
/// costs no allocation until its candidate is kept.
/// </summary>
internal struct PricedMeal
{
    public MenuItem? Menu;
    public WalletCoupon? Coupon;
    public int Discount;
    public int Final;
    public ShopRecord? Shop;
    public Where Where;
    public bool FoodMatched;

    public void Offer(MenuItem menu, int finalPrice, in PricedCoupon coupon)
    {
        if (Menu is null || finalPrice < Final)
        {
            (Menu, Coupon, Discount, Final) = (menu, coupon.Coupon, coupon.Discount, finalPrice);
        }
    }
}

/// <summary>Judges shops for one query; built once per search, it allocates only for the shops it keeps.</summary>
internal sealed class ShopJudge(CandidateQuery query, DishRequest? dish, Exclusions exclusions, TypicalMealPrices typicalPrices, CouponPricing coupons)
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
    /// <param name="facts">What the shop's menus are to the asked dish, worked out at the dish's first search; null to work it out here.</param>
    public Verdict? Judge(ShopRecord shop, double? distance, bool approximate, DishFacts? facts = null)
    {
        if (shop.MealCard is not (MealCardAcceptance.Yes or MealCardAcceptance.Partial) || query.IsMinor && shop.NotForChildren)
        {
            return null;
        }
        var open = shop.Hours?.IsOpenAt(day, minute);
        var shopMisses = (open == false ? Misses.Hours : Misses.None) | (exclusions.ExcludesShop(shop) ? Misses.Restriction : Misses.None);
        var at = new Where(open, distance, approximate);
        if (facts is not null && !facts.Describe(shop))
        {
            facts = null;
        }
        return shop.Menus.Count == 0 ? ByNameAndKind(shop, at, shopMisses, facts)
            : byPrices && facts?.Prices is { } prices ? ByPrices(shop, at, shopMisses, prices)
            : ByMenus(shop, at, shopMisses, facts);
    }

    // Without exclusions, coupons or a wished-for kind of dish, a menu's verdict depends only on its price and on what
    // it is to the dish, both known per catalog version (MenuPrices): a shop is judged without walking its menus.
    private readonly bool byPrices = exclusions == Exclusions.None && coupons == CouponPricing.None && (dish is not null || query.Preference is null);

    /// <summary><see cref="ByMenus"/>'s verdict, read from the shop's menus by price.</summary>
    private Verdict ByPrices(ShopRecord shop, Where at, Misses shopMisses, MenuPrices prices)
    {
        var menus = shop.Menus;
        ushort seen = 0;
        PricedMeal fit = default, similar = default, overBudget = default;
        var eligible = shopMisses == Misses.None;
        var unpricedMatch = false;
        if (query.BudgetCap is not { } cap)
        {
            seen |= prices.HasDish ? Bit(shopMisses) : (ushort)0;
            seen |= prices.HasOther ? Bit(shopMisses | Misses.Dish) : (ushort)0;
            if (eligible)
            {
                Offer(ref fit, prices.CheapestDishAnyKind);
                Offer(ref similar, prices.CheapestSimilarAnyKind);
                unpricedMatch = prices.DishUnpriced;
            }
        }
        else
        {
            var byPrice = prices.DishByPrice;
            var dishWithin = byPrice.Length > 0 && byPrice[0].Price <= cap;
            var dishOver = prices.DishAlwaysOverBudget || byPrice.Length > 0 && byPrice[^1].Price > cap;
            seen |= dishWithin ? Bit(shopMisses) : (ushort)0;
            seen |= dishOver ? Bit(shopMisses | Misses.Budget) : (ushort)0;
            seen |= prices.HasOther && prices.OtherMinPrice <= cap ? Bit(shopMisses | Misses.Dish) : (ushort)0;
            seen |= prices.HasOther && (prices.OtherAlwaysOverBudget || prices.OtherMaxPrice > cap) ? Bit(shopMisses | Misses.Dish | Misses.Budget) : (ushort)0;
            if (eligible)
            {
                Offer(ref fit, dishWithin ? byPrice[0].Menu : -1);
                Offer(ref overBudget, prices.FirstDishOver(cap) is var over and >= 0 ? byPrice[over].Menu : -1);
                Offer(ref similar, prices.CheapestSimilar >= 0 && menus[prices.CheapestSimilar].Price <= cap ? prices.CheapestSimilar : -1);
            }
        }
        return Conclude(shop, at, fit, preferred: default, similar, overBudget, unpricedMatch, prices.AnyPriced, priceUnknownPossible: eligible && prices.HasDish, seen);

        void Offer(ref PricedMeal meal, int menu)
        {
            if (menu >= 0)
            {
                meal.Offer(menus[menu], menus[menu].Price!.Value, default);
            }
        }
    }

    private static ushort Bit(Misses misses) => (ushort)(1 << (int)misses);

    /// <summary>
    /// What judging the shop by <see cref="ByPrices"/> could bring, read from its facts alone (not from the shop's record
    /// or hours, which a walk over a whole city would otherwise fetch from memory shop by shop): whether it may be
    /// offered at all, whether it could be a candidate of any kind, and the misses its menus would show open or closed.
    /// Exclusions and a wish only take away: an excluded menu is no candidate and its misses gain the restriction (never
    /// alone, and farther from a match than without it), and a wished-for dish is one of the matches; so the facts
    /// without them still tell when a shop can change nothing. Null when they cannot tell (coupons may bring a meal
    /// under the budget; a shop without menus).
    /// </summary>
    public QuickLook? Glance(ShopRecord shop, DishFacts? facts)
    {
        if (coupons != CouponPricing.None || facts is not { Prices: { } prices } || !facts.Describe(shop))
        {
            return null;
        }
        if (!facts.MealCard || query.IsMinor && facts.NotForChildren)
        {
            return new QuickLook(Offered: false, MayBeCandidate: false, 0);
        }
        ushort seen = 0;
        bool mayBeCandidate;
        if (query.BudgetCap is not { } cap)
        {
            mayBeCandidate = prices.HasDish || prices.CheapestSimilarAnyKind >= 0;
            seen |= prices.HasOther ? Bit(Misses.Dish) : (ushort)0;
        }
        else
        {
            // Over the budget only: the cheapest dish is the shop's over-budget meal, worth judging only when cheaper
            // than the cheapest found so far (the caller checks it against the price returned here).
            mayBeCandidate = prices.DishMinPrice <= cap || prices.SimilarMinPrice <= cap || !prices.AnyPriced && prices.HasDish;
            seen |= prices.DishAlwaysOverBudget || prices.DishMaxPrice > cap ? Bit(Misses.Budget) : (ushort)0;
            seen |= prices.HasOther && prices.OtherMinPrice <= cap ? Bit(Misses.Dish) : (ushort)0;
            seen |= prices.HasOther && (prices.OtherAlwaysOverBudget || prices.OtherMaxPrice > cap) ? Bit(Misses.Dish | Misses.Budget) : (ushort)0;
        }
        return new QuickLook(Offered: true, mayBeCandidate, seen, query.BudgetCap is null ? int.MaxValue : prices.DishMinPrice);
    }

    private Verdict ByMenus(ShopRecord shop, Where at, Misses shopMisses, DishFacts? facts)
    {
        var cap = query.BudgetCap;
        ushort seen = 0;
        PricedMeal fit = default, preferred = default, similar = default, overBudget = default;
        var unpricedMatch = false;
        var anyPriced = false;
        var priceUnknownPossible = false;
        var preference = dish is null ? query.Preference : null;
        // An index loop: foreach over an IReadOnlyList boxes its enumerator, once per shop judged.
        var menus = shop.Menus;
        for (var i = 0; i < menus.Count; i++)
        {
            var menu = menus[i];
            anyPriced |= menu.Price is > 0;
            var isDish = dish is null ? menu.Kind == MenuKind.Meal : facts?.Matches(i) ?? dish.Matches(menu, shop);
            var isSimilar = dish is not null && !isDish && (facts?.IsSimilar(i) ?? dish.IsSimilar(menu, shop));
            if (!isDish && !isSimilar && menu.Kind != MenuKind.Meal)
            {
                // Drinks, sides and desserts neither answer a request nor count against one.
                continue;
            }
            var coupon = menu.Price is > 0 ? coupons.Best(menu, shop) : default;
            var final = coupon.Coupon is not null ? menu.Price - coupon.Discount : menu.Price;
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
        return Conclude(shop, at, fit, preferred, similar, overBudget, unpricedMatch, anyPriced, priceUnknownPossible, seen);
    }

    /// <summary>The verdict from the cheapest meals a shop's menus offer, however they were found.</summary>
    private Verdict Conclude(ShopRecord shop, Where at, in PricedMeal fit, in PricedMeal preferred, in PricedMeal similar, PricedMeal overBudget,
        bool unpricedMatch, bool anyPriced, bool priceUnknownPossible, ushort seen)
    {
        var cap = query.BudgetCap;
        var matched = dish is not null;
        Candidate? match = null, unknown = null;
        if (preferred.Menu is not null)
        {
            // The wished-for kind of dish ("국물 있는 거") is what this shop is offered with; shops without one stay
            // eligible but rank lower (FoodMatched is the ranking's food feature).
            match = at.Of(shop, foodMatched: true, preferred);
        }
        else if (fit.Menu is not null)
        {
            match = at.Of(shop, matched, fit);
        }
        else if (unpricedMatch && cap is null)
        {
            match = at.Of(shop, matched);
        }
        else if (cap is { } limit && !anyPriced && priceUnknownPossible && TypicalPrice(shop) is var typical && typical <= limit)
        {
            unknown = at.Of(shop, matched, typical);
        }
        if (overBudget.Menu is not null)
        {
            (overBudget.Shop, overBudget.Where, overBudget.FoodMatched) = (shop, at, matched);
        }
        return new Verdict(
            match,
            unknown,
            similar.Menu is null ? null : at.Of(shop, foodMatched: false, similar, AlternativeKind.SimilarDish),
            null,
            overBudget,
            seen);
    }

    private Verdict ByNameAndKind(ShopRecord shop, Where at, Misses shopMisses, DishFacts? facts)
    {
        var evidence = dish is null ? DishEvidence.Certain : facts?.Evidence ?? dish.ByNameAndKind(shop);
        // A spicy dish asked not spicy ("떡볶이" then "매운 거 못 먹어"): without a menu nothing shows a mild one.
        var misses = shopMisses
                     | (evidence == DishEvidence.Certain ? Misses.None : Misses.Dish)
                     | (dish is { IsSpicy: true } && exclusions.NotSpicy ? Misses.Restriction : Misses.None);
        var might = dish is not null && evidence == DishEvidence.Might && (misses & ~Misses.Dish) == Misses.None;
        if (query.BudgetCap is not { } cap)
        {
            return new Verdict(
                misses == Misses.None ? at.Of(shop, dish is not null) : null,
                null,
                null,
                might ? at.Of(shop, foodMatched: false, alternative: AlternativeKind.MightServe) : null,
                default,
                (ushort)(1 << (int)misses));
        }
        // With a budget nothing is verified to fit: at best its kind usually does, said as such.
        var typical = TypicalPrice(shop);
        var typicalFits = typical <= cap;
        return new Verdict(
            null,
            misses == Misses.None && typicalFits ? at.Of(shop, dish is not null, typical) : null,
            null,
            might && typicalFits ? at.Of(shop, foodMatched: false, typical, AlternativeKind.MightServe) : null,
            default,
            (ushort)(1 << (int)(misses | Misses.Budget)));
    }

    /// <summary>
    /// What the meal asked for usually costs at a shop without prices: the asked dish's kind decides (a chicken at a
    /// 분식집 named "떡볶이치킨" costs what chicken costs), else the shop's kind.
    /// </summary>
    private int TypicalPrice(ShopRecord shop) =>
        dish is { Dish.Category: not FoodCategory.Other } asked ? typicalPrices.Of(asked.Dish.Category) : typicalPrices.Of(shop.Category);
}

/// <summary>The coupon that takes the most off a menu (null when none does) and how much.</summary>
internal readonly record struct PricedCoupon(WalletCoupon? Coupon, int Discount);

/// <summary>
/// The user's coupons usable at the turn's moment, so that a meal fits when its price after the best of them does
/// (<see cref="CouponChooser"/>, the rule checkout applies).
/// </summary>
internal sealed class CouponPricing
{
    public static CouponPricing None { get; } = new([], default, default);

    private readonly WalletCoupon[] usable;
    private readonly DateTimeOffset now;
    private readonly DateOnly today;
    // One search prices its shops on one thread, one shop at a time (see ShopJudge).
    private ShopRecord? targetShop;
    private CouponTarget? target;

    private CouponPricing(WalletCoupon[] usable, DateTimeOffset now, DateOnly today)
    {
        this.usable = usable;
        this.now = now;
        this.today = today;
    }

    /// <param name="localNow">Seoul local time of the turn.</param>
    public static CouponPricing For(IReadOnlyList<WalletCoupon> wallet, DateTimeOffset localNow)
    {
        if (wallet.Count == 0)
        {
            return None;
        }
        var now = localNow.ToUniversalTime();
        var today = DateOnly.FromDateTime(localNow.DateTime);
        var usable = wallet.Where(coupon => coupon.IsUsableAt(now, today)).ToArray();
        return usable.Length == 0 ? None : new CouponPricing(usable, now, today);
    }

    /// <summary>The best coupon for the menu and its discount; its choice is made only for a meal the search keeps.</summary>
    public PricedCoupon Best(MenuItem menu, ShopRecord shop)
    {
        if (usable.Length == 0 || menu.Price is not { } price || price <= 0)
        {
            return default;
        }
        // A shop's menus are priced one after another: its coupon target is made once, not once per menu.
        if (!ReferenceEquals(targetShop, shop))
        {
            (targetShop, target) = (shop, new CouponTarget(shop.Id, shop.Category, shop.MealCard is MealCardAcceptance.Yes or MealCardAcceptance.Partial));
        }
        var (coupon, discount) = CouponChooser.BestDiscount(usable, price, target!, now, today);
        return new PricedCoupon(coupon, discount);
    }
}
