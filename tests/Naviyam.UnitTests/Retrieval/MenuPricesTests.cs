using Naviyam.Retrieval;
using Naviyam.Shops;

namespace Naviyam.UnitTests.Retrieval;

public sealed class MenuPricesTests
{
    private static ShopRecord ShopWith(params MenuItem[] menus) =>
        TestShops.Shop("가게", FoodCategory.Bunsik, 0) with { Menus = menus };

    [Fact]
    public void The_dishes_a_budget_can_buy_are_ordered_by_price_then_position()
    {
        var shop = ShopWith(
            new MenuItem("라볶이", 5_000, MenuKind.Meal),
            new MenuItem("떡볶이", 3_000, MenuKind.Meal),
            new MenuItem("쿨피스", 1_500, MenuKind.Drink),
            new MenuItem("떡볶이 세트", 2_000, MenuKind.SharedSet),
            new MenuItem("치즈 떡볶이", 3_000, MenuKind.Meal),
            new MenuItem("김밥", null, MenuKind.Meal));
        // The dish: every menu named 떡볶이 or 라볶이; 김밥 is similar.
        var prices = MenuPrices.Of(shop, i => i is 0 or 1 or 3 or 4, i => i == 5);

        prices.DishByPrice.Should().Equal((3_000, 1), (3_000, 4), (5_000, 0));
        prices.DishAlwaysOverBudget.Should().BeTrue("the shared set is never a meal a budget confirms");
        prices.CheapestDishAnyKind.Should().Be(3, "without a budget the shared set is the cheapest priced menu");
        prices.DishUnpriced.Should().BeFalse();
        prices.AnyPriced.Should().BeTrue();
        prices.HasOther.Should().BeTrue("김밥 is a similar dish");
        prices.OtherAlwaysOverBudget.Should().BeTrue("김밥 has no price");
        prices.CheapestSimilar.Should().Be(-1);
        prices.FirstDishOver(2_999).Should().Be(0);
        prices.FirstDishOver(3_000).Should().Be(2);
        prices.FirstDishOver(5_000).Should().Be(-1);
    }

    [Fact]
    public void Drinks_are_neither_the_dish_nor_counted_against_it()
    {
        var prices = MenuPrices.Of(ShopWith(new MenuItem("쿨피스", 1_500, MenuKind.Drink)), _ => false, _ => false);

        prices.HasDish.Should().BeFalse();
        prices.HasOther.Should().BeFalse();
        prices.AnyPriced.Should().BeTrue("a priced drink still says the shop lists prices");
        prices.OtherMinPrice.Should().Be(int.MaxValue);
    }
}
