using Naviyam.Shops;

namespace Naviyam.Retrieval;

/// <summary>
/// What a shop's menus offer one request, worked out once per catalog version (with the request's
/// <see cref="DishFacts"/>): its menus of the asked dish (every meal when no dish is asked) and the others a search
/// counts (similar dishes, other meals), by price. A search without exclusions, coupons or a wished-for kind of dish
/// then judges the shop from these in a few comparisons, exactly as <see cref="ShopJudge"/> would menu by menu.
/// </summary>
internal sealed class MenuPrices
{
    private MenuPrices()
    {
    }

    /// <summary>Any menu at all (a drink included) has a price.</summary>
    public bool AnyPriced { get; private init; }

    /// <summary>Menus of the dish (every meal when no dish is asked).</summary>
    public bool HasDish { get; private init; }

    /// <summary>The dish's menus of a positive price that are not shared sets, by price then position: what a budget can buy.</summary>
    public (int Price, int Menu)[] DishByPrice { get; private init; } = [];

    /// <summary>The first of <see cref="DishByPrice"/>'s prices (int.MaxValue for none) and the last (0 for none), kept beside the rest.</summary>
    public int DishMinPrice { get; private init; } = int.MaxValue;

    public int DishMaxPrice { get; private init; }

    /// <summary>The price of <see cref="CheapestSimilar"/>; int.MaxValue for none.</summary>
    public int SimilarMinPrice { get; private init; } = int.MaxValue;

    /// <summary>A menu of the dish no budget confirms: without a price, or a shared set.</summary>
    public bool DishAlwaysOverBudget { get; private init; }

    /// <summary>Without a budget: the dish's cheapest priced menu (a shared set too), first of equals; -1 for none.</summary>
    public int CheapestDishAnyKind { get; private init; } = -1;

    /// <summary>A menu of the dish without a price.</summary>
    public bool DishUnpriced { get; private init; }

    /// <summary>Menus a search counts that are not the dish: similar dishes, and other meals.</summary>
    public bool HasOther { get; private init; }

    /// <summary>The cheapest of the others a budget can buy (positive price, not a shared set); int.MaxValue for none.</summary>
    public int OtherMinPrice { get; private init; } = int.MaxValue;

    /// <summary>The dearest of those; 0 for none.</summary>
    public int OtherMaxPrice { get; private init; }

    /// <summary>One of the others no budget confirms: without a price, or a shared set.</summary>
    public bool OtherAlwaysOverBudget { get; private init; }

    /// <summary>The cheapest similar dish a budget can buy, first of equals; -1 for none.</summary>
    public int CheapestSimilar { get; private init; } = -1;

    /// <summary>Without a budget: the cheapest priced similar dish (a shared set too), first of equals; -1 for none.</summary>
    public int CheapestSimilarAnyKind { get; private init; } = -1;

    /// <param name="isDish">Whether a menu (by position) is the dish.</param>
    /// <param name="isSimilar">Whether a menu that is not the dish is a similar one.</param>
    public static MenuPrices Of(ShopRecord shop, Func<int, bool> isDish, Func<int, bool> isSimilar)
    {
        var menus = shop.Menus;
        var dishByPrice = new List<(int Price, int Menu)>();
        bool anyPriced = false, hasDish = false, dishAlwaysOver = false, dishUnpriced = false, hasOther = false, otherAlwaysOver = false;
        int cheapestDishAny = -1, cheapestSimilar = -1, cheapestSimilarAny = -1, otherMin = int.MaxValue, otherMax = 0;
        for (var i = 0; i < menus.Count; i++)
        {
            var menu = menus[i];
            var price = menu.Price is > 0 and var p ? p : 0;
            var buyable = price > 0 && menu.Kind != MenuKind.SharedSet;
            anyPriced |= price > 0;
            if (isDish(i))
            {
                hasDish = true;
                dishUnpriced |= price == 0;
                dishAlwaysOver |= !buyable;
                if (buyable)
                {
                    dishByPrice.Add((price, i));
                }
                if (price > 0 && (cheapestDishAny < 0 || price < menus[cheapestDishAny].Price))
                {
                    cheapestDishAny = i;
                }
                continue;
            }
            var similar = isSimilar(i);
            if (!similar && menu.Kind != MenuKind.Meal)
            {
                continue;
            }
            hasOther = true;
            otherAlwaysOver |= !buyable;
            if (buyable)
            {
                (otherMin, otherMax) = (Math.Min(otherMin, price), Math.Max(otherMax, price));
            }
            if (similar && buyable && (cheapestSimilar < 0 || price < menus[cheapestSimilar].Price))
            {
                cheapestSimilar = i;
            }
            if (similar && price > 0 && (cheapestSimilarAny < 0 || price < menus[cheapestSimilarAny].Price))
            {
                cheapestSimilarAny = i;
            }
        }
        dishByPrice.Sort();
        return new MenuPrices
        {
            AnyPriced = anyPriced,
            HasDish = hasDish,
            DishByPrice = [.. dishByPrice],
            DishMinPrice = dishByPrice.Count > 0 ? dishByPrice[0].Price : int.MaxValue,
            DishMaxPrice = dishByPrice.Count > 0 ? dishByPrice[^1].Price : 0,
            SimilarMinPrice = cheapestSimilar >= 0 ? menus[cheapestSimilar].Price!.Value : int.MaxValue,
            DishAlwaysOverBudget = dishAlwaysOver,
            CheapestDishAnyKind = cheapestDishAny,
            DishUnpriced = dishUnpriced,
            HasOther = hasOther,
            OtherMinPrice = otherMin,
            OtherMaxPrice = otherMax,
            OtherAlwaysOverBudget = otherAlwaysOver,
            CheapestSimilar = cheapestSimilar,
            CheapestSimilarAnyKind = cheapestSimilarAny,
        };
    }

    /// <summary>The first of <see cref="DishByPrice"/> dearer than the budget; -1 for none.</summary>
    public int FirstDishOver(int budget)
    {
        // Binary search on price: the first entry whose price exceeds the budget.
        int low = 0, high = DishByPrice.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (DishByPrice[middle].Price <= budget)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low < DishByPrice.Length ? low : -1;
    }
}
