using Naviyam.Catalog;
using Naviyam.Retrieval;
using Naviyam.Shops;

namespace Naviyam.UnitTests.Retrieval;

public class TypicalMealPricesTests
{
    private static ShopRecord Shop(int id, FoodCategory category, params int[] mealPrices) => new()
    {
        Id = $"test:{id}",
        Source = "test",
        SourceId = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Name = $"가게{id}",
        Category = category,
        Menus = mealPrices.Select((price, i) => new MenuItem($"메뉴{i}", price, MenuKind.Meal)).ToArray(),
    };

    [Fact]
    public void Without_priced_shops_the_built_in_figures_rank_cheap_kinds_below_expensive_ones()
    {
        var prices = new TypicalMealPrices(new ShopCatalog());

        prices.Of(FoodCategory.ConvenienceStore).Should().BeLessThan(prices.Of(FoodCategory.Bunsik));
        prices.Of(FoodCategory.Bunsik).Should().BeLessThanOrEqualTo(5_000);
        prices.Of(FoodCategory.Chicken).Should().BeGreaterThan(10_000);
    }

    [Fact]
    public void Enough_priced_shops_of_a_kind_replace_the_built_in_figure_with_their_median_cheapest_meal()
    {
        var catalog = new ShopCatalog();
        var prices = new TypicalMealPrices(catalog);
        var builtInKorean = prices.Of(FoodCategory.Korean);

        // Each shop's cheapest meal counts (the 20,000 won dish does not), and the median resists the 1,000 won outlier.
        var korean = Enumerable.Range(0, TypicalMealPrices.MinPricedShops)
            .Select(i => Shop(i, FoodCategory.Korean, i == 0 ? 1_000 : 6_500, 20_000));
        var chinese = Enumerable.Range(100, TypicalMealPrices.MinPricedShops - 1).Select(i => Shop(i, FoodCategory.Chinese, 1_000));
        catalog.Load(korean.Concat(chinese));

        prices.Of(FoodCategory.Korean).Should().Be(6_500).And.NotBe(builtInKorean);
        prices.Of(FoodCategory.Chinese).Should().BeGreaterThan(1_000, "too few priced shops to trust their prices");
    }
}
