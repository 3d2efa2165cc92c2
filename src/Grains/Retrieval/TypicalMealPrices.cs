using Naviyam.Catalog;
using Naviyam.Shops;

namespace Naviyam.Retrieval;

/// <summary>
/// What the cheapest meal of a kind of shop usually costs, for shops whose menus carry no prices. Most real merchant
/// lists (the national standard layout, Seoul's) have none at all, so a child who says "5천원밖에 없어" would
/// otherwise hear nothing; with this, a 분식집 or a 편의점 can still be offered — clearly marked as unconfirmed — and a
/// chicken shop is not.
/// </summary>
/// <remarks>
/// The figure is the median cheapest meal of the catalog's own priced shops of that kind when there are enough of
/// them (so a city's real prices win), otherwise the category table's typical figure (<see cref="TypicalMealPriceTable"/>).
/// </remarks>
public sealed class TypicalMealPrices
{
    /// <summary>Priced shops of a kind needed before the catalog's own median replaces the table's figure.</summary>
    public const int MinPricedShops = 8;

    private readonly IShopCatalog catalog;
    private readonly TypicalMealPriceTable table;
    private volatile IReadOnlyDictionary<FoodCategory, int>? current;

    public TypicalMealPrices(IShopCatalog catalog, TypicalMealPriceTable table)
    {
        this.catalog = catalog;
        this.table = table;
        catalog.Changed += () => current = null;
    }

    /// <summary>The usual price of the cheapest meal at a shop of this kind, in won.</summary>
    public int Of(FoodCategory category) => (current ??= Measure()).TryGetValue(category, out var price) ? price : table.Of(FoodCategory.Other);

    private IReadOnlyDictionary<FoodCategory, int> Measure()
    {
        var cheapest = new Dictionary<FoodCategory, List<int>>();
        foreach (var shop in catalog.All())
        {
            if (shop.CheapestMeal() is { Price: { } price })
            {
                if (!cheapest.TryGetValue(shop.Category, out var prices))
                {
                    cheapest[shop.Category] = prices = [];
                }
                prices.Add(price);
            }
        }
        var measured = Enum.GetValues<FoodCategory>().ToDictionary(category => category, table.Of);
        foreach (var (category, prices) in cheapest)
        {
            if (prices.Count >= MinPricedShops)
            {
                prices.Sort();
                measured[category] = prices[prices.Count / 2];
            }
        }
        return measured;
    }
}
