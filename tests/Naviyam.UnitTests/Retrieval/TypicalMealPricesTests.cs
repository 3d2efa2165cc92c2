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
        var prices = new TypicalMealPrices(new ShopCatalog(), TestLexicons.MealPrices);

        prices.Of(FoodCategory.ConvenienceStore).Should().BeLessThan(prices.Of(FoodCategory.Bunsik));
        prices.Of(FoodCategory.Bunsik).Should().BeLessThanOrEqualTo(5_000);
        prices.Of(FoodCategory.Chicken).Should().BeGreaterThan(10_000);
    }

    [Fact]
    public void Enough_priced_shops_of_a_kind_replace_the_built_in_figure_with_their_median_cheapest_meal()
    {
        var catalog = new ShopCatalog();
        var prices = new TypicalMealPrices(catalog, TestLexicons.MealPrices);
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

public class SpicyDishesTests
{
    [Theory]
    [InlineData("김치찌개", true)]
    [InlineData("짬뽕밥", true)]
    [InlineData("국물 떡볶이", true)]
    [InlineData("불닭볶음면", true)]
    [InlineData("로제떡볶이", false)]
    [InlineData("짜장떡볶이", false)]
    [InlineData("백짬뽕", false)]
    [InlineData("핫도그", false)]
    [InlineData("된장찌개", false)]
    [InlineData("돈까스", false)]
    public void Spicy_dishes_are_known_by_name_even_when_the_menu_does_not_say_spicy(string menu, bool spicy) =>
        TestLexicons.Spicy.IsSpicy(menu).Should().Be(spicy);
}
