using Naviyam.Retrieval;
using Naviyam.Shops;
using static Naviyam.UnitTests.Retrieval.TestShops;

namespace Naviyam.UnitTests.Retrieval;

/// <summary>Retrieval's hard rules over a hand-made catalog: what no ranking may override.</summary>
public class CandidateSearchTests
{
    private static readonly ShopRecord Bunsik = Shop("행복분식", FoodCategory.Bunsik, 100, ("떡볶이", 4_000), ("라볶이", 6_000));
    private static readonly ShopRecord Bar = Shop("나비호프", FoodCategory.Korean, 50, ("치킨너겟", 4_500)) with { NotForChildren = true };
    private static readonly ShopRecord EveningShop = Shop("달빛국밥", FoodCategory.Korean, 150, ("국밥", 4_000)) with { Hours = Evenings };
    private static readonly ShopRecord Chinese = Shop("나비반점", FoodCategory.Chinese, 200, ("짬뽕", 4_000), ("짜장면", 4_500));
    private static readonly ShopRecord CashOnly = Shop("현금식당", FoodCategory.Korean, 80, ("백반", 4_000)) with { MealCard = MealCardAcceptance.No };

    private static CandidateSet Find(int? budget = null, bool minor = true, DateTimeOffset? at = null, IReadOnlyList<string>? exclusions = null, string? food = null) =>
        Search(CatalogOf(Bunsik, Bar, EveningShop, Chinese, CashOnly))
            .Find(new CandidateQuery(Here, budget, food, exclusions ?? [], minor, at ?? SeoulNoon));

    private static IEnumerable<string> Names(CandidateSet set) => set.Fitting.Select(c => c.Shop.Name);

    [Fact]
    public void A_minor_is_never_offered_a_shop_not_for_children()
    {
        Names(Find(minor: true)).Should().NotContain("나비호프");
        Names(Find(minor: false)).Should().Contain("나비호프", "the bar is otherwise eligible");
    }

    [Fact]
    public void A_shop_closed_at_the_time_wanted_is_not_offered()
    {
        Names(Find()).Should().NotContain("달빛국밥").And.Contain("행복분식");
        Names(Find(at: SeoulNoon.AddHours(10))).Should().Contain("달빛국밥").And.NotContain("행복분식");
    }

    [Fact]
    public void Only_meal_card_merchants_are_offered() =>
        Names(Find(minor: false)).Should().NotContain("현금식당");

    [Fact]
    public void With_a_budget_each_shop_is_offered_with_a_meal_at_or_under_it()
    {
        var found = Find(budget: 4_200);

        found.Fitting.Should().OnlyContain(c => c.Meal!.Price <= 4_200);
        found.Fitting.Should().ContainSingle(c => c.Shop.Name == "나비반점").Which.Meal!.Name.Should().Be("짬뽕");
        Find(budget: 3_000).Fitting.Should().BeEmpty();
        Find(budget: 3_000).CheapestEligible!.Meal!.Price.Should().Be(4_000, "the answer can still name the cheapest real meal");
    }

    [Fact]
    public void An_excluded_dish_is_never_the_meal_offered()
    {
        var found = Find(budget: 5_000, exclusions: ["짬뽕"]);

        found.Fitting.Should().ContainSingle(c => c.Shop.Name == "나비반점").Which.Meal!.Name.Should().Be("짜장면");
        found.Fitting.Should().NotContain(c => c.Meal!.Name.Contains("짬뽕"));
    }

    [Fact]
    public void An_excluded_kind_of_food_keeps_its_shops_out() =>
        Names(Find(exclusions: ["중국집"])).Should().NotContain("나비반점").And.Contain("행복분식");

    [Fact]
    public void A_food_asked_for_keeps_the_shops_that_serve_it() =>
        Find(food: "짜장면").Fitting.Should().ContainSingle().Which.Meal!.Name.Should().Be("짜장면");
}
