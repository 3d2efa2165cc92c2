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
/// them (so a city's real prices win), otherwise a typical 2024–25 figure for Korean cities.
/// </remarks>
public sealed class TypicalMealPrices
{
    /// <summary>Priced shops of a kind needed before the catalog's own median replaces the built-in figure.</summary>
    public const int MinPricedShops = 8;

    private static readonly Dictionary<FoodCategory, int> BuiltIn = new()
    {
        [FoodCategory.ConvenienceStore] = 3_000, // 삼각김밥, 컵라면, 도시락
        [FoodCategory.Bakery] = 3_500,
        [FoodCategory.Bunsik] = 4_000, // 김밥, 떡볶이, 라면
        [FoodCategory.CafeDessert] = 5_000, // 샌드위치, 베이글
        [FoodCategory.LunchboxPorridge] = 5_500,
        [FoodCategory.Burger] = 6_000,
        [FoodCategory.Chinese] = 7_000, // 짜장면
        [FoodCategory.Korean] = 8_000, // 찌개, 국밥
        [FoodCategory.Japanese] = 8_500,
        [FoodCategory.Asian] = 9_000,
        [FoodCategory.Western] = 10_000,
        [FoodCategory.Pizza] = 12_000,
        [FoodCategory.Chicken] = 17_000,
        [FoodCategory.Other] = 8_000,
    };

    private readonly IShopCatalog catalog;
    private volatile IReadOnlyDictionary<FoodCategory, int>? current;

    public TypicalMealPrices(IShopCatalog catalog)
    {
        this.catalog = catalog;
        catalog.Changed += () => current = null;
    }

    /// <summary>The usual price of the cheapest meal at a shop of this kind, in won.</summary>
    public int Of(FoodCategory category) => (current ??= Measure()).TryGetValue(category, out var price) ? price : BuiltIn[FoodCategory.Other];

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
        var measured = new Dictionary<FoodCategory, int>(BuiltIn);
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
