using Naviyam.Coupons;
using Naviyam.Retrieval;
using Naviyam.Shops;
using static Naviyam.UnitTests.Retrieval.TestShops;

namespace Naviyam.UnitTests.Retrieval;

/// <summary>
/// The asked dish by concept: a menu matches when it IS the dish or one of its kinds, never because its name contains
/// part of the dish's; when the dish is nowhere, similar dishes are alternatives, said as such.
/// </summary>
public class DishSearchTests
{
    private static readonly ShopRecord Noodles = Shop("제주국수", FoodCategory.Korean, 300, ("고기국수", 8_000), ("멸치국수", 6_000));
    private static readonly ShopRecord Banquet = Shop("잔치집", FoodCategory.Korean, 200, ("잔치국수", 5_000));
    private static readonly ShopRecord Dumplings = Shop("만두가게", FoodCategory.Bunsik, 100, ("고기만두", 4_000), ("불고기김밥", 3_500));
    private static readonly ShopRecord Pizza = Shop("나비피자", FoodCategory.Pizza, 120, ("마라 불고기 피자", 9_000));
    private static readonly ShopRecord Store = Shop("나비편의점", FoodCategory.ConvenienceStore, 80, ("참치 삼각김밥", 1_500));

    private static CandidateSet Find(string food, int? budget = null, params ShopRecord[] shops) =>
        Search(CatalogOf(shops.Length > 0 ? shops : [Noodles, Banquet, Dumplings, Pizza, Store]))
            .Find(new CandidateQuery(Here, budget, food, [], true, SeoulNoon));

    private static IEnumerable<string> Meals(CandidateSet set) => set.Fitting.Select(c => c.Meal!.Name);

    [Fact]
    public void A_specific_dish_accepts_only_itself() =>
        Meals(Find("고기국수")).Should().Equal("고기국수");

    [Fact]
    public void A_family_accepts_each_of_its_kinds() =>
        Meals(Find("국수")).Should().BeEquivalentTo(["멸치국수", "잔치국수"], "the cheapest 국수 of each shop");

    [Theory]
    [InlineData("마라탕")]
    [InlineData("고기국수")]
    public void A_name_that_only_contains_part_of_the_dish_is_not_it(string food) =>
        Find(food, shops: [Dumplings, Pizza]).Fitting.Should().BeEmpty();

    [Fact]
    public void A_false_friend_of_the_dish_is_not_it() =>
        Meals(Find("김밥")).Should().Equal("불고기김밥");

    [Fact]
    public void A_chicken_shops_own_chicken_counts_but_not_its_other_dishes()
    {
        var chicken = Shop("나비치킨", FoodCategory.Chicken, 100, ("황금올리브", 18_000), ("계란탕", 3_000), ("간장덥밥", 6_000), ("양념치킨", 19_000));

        Meals(Find("치킨", shops: chicken)).Should().Equal("황금올리브");
        Find("치킨", budget: 10_000, shops: chicken).Fitting.Should().BeEmpty("계란탕 and 간장덥밥 are not chicken");
    }

    [Fact]
    public void When_the_dish_is_nowhere_a_similar_one_is_an_alternative_after_saying_so()
    {
        var found = Find("고기국수", shops: [Banquet, Dumplings]);

        found.Fitting.Should().BeEmpty();
        found.Outcome.Limits.Should().Equal(SearchLimit.Dish);
        found.Outcome.Alternatives.Should().Be(AlternativeKind.SimilarDish);
        found.Alternatives.Should().ContainSingle().Which.Should().Match<Candidate>(c =>
            c.Meal!.Name == "잔치국수" && c.Alternative == AlternativeKind.SimilarDish && !c.FoodMatched);
    }

    [Fact]
    public void A_similar_dish_over_the_budget_names_both_the_dish_and_the_budget()
    {
        // No limit keeps 잔치국수 out alone: the closest miss (dish and budget) is the reason, even for a shop that a
        // search judges from its facts alone.
        var found = Find("고기국수", budget: 3_000, shops: [Banquet]);

        found.Fitting.Should().BeEmpty();
        found.Outcome.Limits.Should().Equal(SearchLimit.Dish, SearchLimit.Budget);
    }

    [Fact]
    public void A_dish_of_no_family_has_no_similar_alternative()
    {
        var found = Find("마라탕", shops: [Pizza, Dumplings]);

        found.Outcome.Limits.Should().Equal(SearchLimit.Dish);
        found.Alternatives.Should().BeEmpty();
    }
}

/// <summary>
/// Lists without menus (the national layout, Seoul's): a dish is matched by the shop's name and kind. A shop named for
/// the dish, filed under it, or of a kind that certainly serves it is a match; one that only might is an alternative.
/// </summary>
public class ShopsWithoutMenusTests
{
    private static ShopRecord Unlisted(string name, FoodCategory category, double metersNorth, string? sourceCategory = null) =>
        Shop(name, category, metersNorth) with { SourceCategory = sourceCategory };

    private static readonly ShopRecord Gimbap = Unlisted("행복김밥", FoodCategory.Bunsik, 100, "한식");
    private static readonly ShopRecord Chinese = Unlisted("홍콩반점", FoodCategory.Chinese, 150, "중식");
    private static readonly ShopRecord Korean = Unlisted("엄마손식당", FoodCategory.Korean, 200, "한식");
    private static readonly ShopRecord Noodles = Unlisted("바다횟집", FoodCategory.Korean, 250, "한식, 국수");
    private static readonly ShopRecord Pork = Unlisted("나비족발", FoodCategory.Korean, 120, "한식");

    private static CandidateSet Find(string food, int? budget = null) =>
        Search(CatalogOf(Gimbap, Chinese, Korean, Noodles, Pork)).Find(new CandidateQuery(Here, budget, food, [], true, SeoulNoon));

    [Theory]
    [InlineData("김밥", "행복김밥")]   // named for it
    [InlineData("짜장면", "홍콩반점")]  // a 중식 shop certainly serves it
    [InlineData("국수", "바다횟집")]    // filed under it by the list
    public void A_shop_that_certainly_serves_the_dish_is_a_match(string food, string shop) =>
        Find(food).Fitting.Should().ContainSingle().Which.Should().Match<Candidate>(c => c.Shop.Name == shop && c.Meal == null && c.FoodMatched);

    [Fact]
    public void A_generic_shop_of_the_dishs_kind_is_only_an_alternative_said_as_such()
    {
        var found = Find("국밥");

        found.Fitting.Should().BeEmpty();
        found.Outcome.Alternatives.Should().Be(AlternativeKind.MightServe);
        found.Alternatives.Select(c => c.Shop.Name).Should().Equal("엄마손식당");
        found.Alternatives.Should().OnlyContain(c => c.Alternative == AlternativeKind.MightServe);
    }

    [Fact]
    public void A_shop_named_for_another_dish_is_not_offered_for_this_one() =>
        Find("국밥").Alternatives.Select(c => c.Shop.Name).Should().NotContain(["나비족발", "행복김밥"]);

    [Fact]
    public void With_a_budget_a_match_is_never_a_verified_fit_and_is_judged_by_what_the_dish_usually_costs()
    {
        Find("김밥", budget: 5_000).PriceUnknown.Select(c => c.Shop.Name).Should().Equal("행복김밥");
        Find("김밥", budget: 5_000).Fitting.Should().BeEmpty();
        Find("짜장면", budget: 5_000).PriceUnknown.Should().BeEmpty("a 짜장면 usually costs more than 5,000 won");
    }
}

/// <summary>One shop is named once in an answer, whatever ids and rows it came with.</summary>
public class OneShopOnceTests
{
    [Fact]
    public void The_same_shop_under_two_ids_is_a_candidate_once()
    {
        var first = Shop("선비꼬마김밥 봉천점", FoodCategory.Bunsik, 100, ("꼬마김밥", 3_000)) with { Address = "서울 관악구 봉천로 12" };
        var again = first with { Id = "test:again", SourceId = "again", Address = "서울특별시 관악구 봉천로 12, 1층" };

        var found = Search(CatalogOf(first, again)).Find(new CandidateQuery(Here, null, "김밥", [], true, SeoulNoon));

        found.Fitting.Should().ContainSingle();
    }

    [Fact]
    public void Different_shops_of_one_name_stay_apart()
    {
        var one = Shop("김밥천국", FoodCategory.Bunsik, 100, ("김밥", 3_000)) with { Address = "서울 관악구 봉천로 1" };
        var other = Shop("김밥천국 2", FoodCategory.Bunsik, 300, ("김밥", 3_000)) with { Name = "김밥천국", Address = "서울 관악구 신림로 200" };

        SameShop.Distinct([one, other], shop => shop).Should().HaveCount(2);
    }
}

/// <summary>A meal fits when its price after the user's best coupon, valid now, fits the budget and the balance.</summary>
public class CouponAffordabilityTests
{
    private static readonly ShopRecord Diner = Shop("청년밥상", FoodCategory.Korean, 100, ("된장찌개", 7_000), ("김치찌개", 8_000));

    private static WalletCoupon MonthEnd(DateOnly until, int minimum = 3_000) => new(1,
        new Coupon { Id = "MONTHLY20", Name = "월말 긴급지원 2,000원", DiscountAmount = 2_000, MinOrderAmount = minimum, Usage = CouponUsage.FoodCard, ValidUntil = until },
        SeoulNoon.AddDays(-3), null, WalletCoupon.Active, "test");

    private static CandidateSet Find(params WalletCoupon[] wallet) =>
        Search(CatalogOf(Diner)).Find(new CandidateQuery(Here, 5_000, null, [], true, SeoulNoon) { Wallet = wallet, CouponsAt = SeoulNoon });

    [Fact]
    public void A_meal_over_the_budget_fits_when_the_coupon_brings_it_under()
    {
        var fit = Find(MonthEnd(new DateOnly(2025, 9, 30))).Fitting.Should().ContainSingle().Which;

        fit.Meal!.Should().Be(new MenuItem("된장찌개", 7_000, MenuKind.Meal));
        fit.FinalPrice.Should().Be(5_000);
        fit.Coupon!.Coupon.Coupon.Id.Should().Be("MONTHLY20");
    }

    [Fact]
    public void An_expired_coupon_does_not_make_a_meal_fit()
    {
        var found = Find(MonthEnd(new DateOnly(2025, 8, 31)));

        found.Fitting.Should().BeEmpty();
        found.Outcome.Limits.Should().Equal(SearchLimit.Budget);
        found.CheapestEligible!.FinalPrice.Should().Be(7_000);
    }

    [Fact]
    public void A_coupon_whose_minimum_the_meal_misses_does_not_apply() =>
        Find(MonthEnd(new DateOnly(2025, 9, 30), minimum: 9_000)).Fitting.Should().BeEmpty();
}
