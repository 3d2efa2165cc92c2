using Naviyam.Coupons;
using Naviyam.Shops;

namespace Naviyam.UnitTests.Coupons;

public class CouponRuleTests
{
    private static readonly CouponTarget BunsikShop = new("generated:1", FoodCategory.Bunsik, AcceptsMealCard: true);
    private static readonly CouponTarget KoreanShop = new("generated:2", FoodCategory.Korean, AcceptsMealCard: true);
    private static readonly CouponTarget CashOnlyShop = new("generated:3", FoodCategory.Korean, AcceptsMealCard: false);

    private static Coupon Make(CouponUsage usage = CouponUsage.All, int? amount = null, decimal? rate = null, int minimum = 0,
        FoodCategory[]? categories = null, string[]? shops = null) => new()
    {
        Id = "C",
        Name = "테스트 쿠폰",
        DiscountAmount = amount,
        DiscountRate = rate,
        MinOrderAmount = minimum,
        Usage = usage,
        TargetCategories = categories ?? [],
        ApplicableShops = shops ?? [],
    };

    [Theory]
    [InlineData(5000, 1000)]
    [InlineData(800, 800)]   // never more than the order
    [InlineData(0, 0)]
    public void A_fixed_discount_is_capped_by_the_order(int order, int expected) =>
        Make(amount: 1000).DiscountFor(order, BunsikShop).Should().Be(expected);

    [Fact]
    public void A_rate_rounds_down_to_a_won() =>
        Make(rate: 0.15m).DiscountFor(4_999, BunsikShop).Should().Be(749);

    [Theory]
    [InlineData(5_000, 1_000)]  // 15% = 750 < 1,000
    [InlineData(10_000, 1_500)] // 15% = 1,500 > 1,000
    public void With_both_the_larger_discount_applies(int order, int expected) =>
        Make(amount: 1_000, rate: 0.15m).DiscountFor(order, BunsikShop).Should().Be(expected);

    [Fact]
    public void Below_the_minimum_order_nothing_is_taken_off()
    {
        var coupon = Make(amount: 1_000, minimum: 5_000);
        coupon.DiscountFor(4_999, BunsikShop).Should().Be(0);
        coupon.DiscountFor(5_000, BunsikShop).Should().Be(1_000);
    }

    [Fact]
    public void A_category_coupon_applies_only_to_its_categories()
    {
        var coupon = Make(CouponUsage.Category, rate: 0.1m, categories: [FoodCategory.Bunsik]);
        coupon.DiscountFor(5_000, BunsikShop).Should().Be(500);
        coupon.DiscountFor(5_000, KoreanShop).Should().Be(0);
        Make(CouponUsage.Category, rate: 0.1m).DiscountFor(5_000, BunsikShop).Should().Be(0, "a category coupon without categories applies nowhere");
    }

    [Fact]
    public void A_shop_coupon_applies_only_at_its_shops()
    {
        var coupon = Make(CouponUsage.Shop, amount: 500, shops: ["generated:2"]);
        coupon.DiscountFor(5_000, KoreanShop).Should().Be(500);
        coupon.DiscountFor(5_000, BunsikShop).Should().Be(0);
    }

    [Fact]
    public void A_meal_card_coupon_needs_a_shop_that_takes_the_card()
    {
        var coupon = Make(CouponUsage.FoodCard, amount: 1_000);
        coupon.DiscountFor(5_000, KoreanShop).Should().Be(1_000);
        coupon.DiscountFor(5_000, CashOnlyShop).Should().Be(0);
    }

    [Fact]
    public void Validity_dates_are_inclusive_and_an_inactive_coupon_is_never_valid()
    {
        var coupon = Make(amount: 1) with { ValidFrom = new DateOnly(2025, 9, 1), ValidUntil = new DateOnly(2025, 9, 30) };
        coupon.IsValidOn(new DateOnly(2025, 8, 31)).Should().BeFalse();
        coupon.IsValidOn(new DateOnly(2025, 9, 1)).Should().BeTrue();
        coupon.IsValidOn(new DateOnly(2025, 9, 30)).Should().BeTrue();
        coupon.IsValidOn(new DateOnly(2025, 10, 1)).Should().BeFalse();
        (coupon with { IsActive = false }).IsValidOn(new DateOnly(2025, 9, 15)).Should().BeFalse();
    }
}

public class CouponChooserTests
{
    private static readonly DateTimeOffset Now = new(2025, 9, 3, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2025, 9, 3);
    private static readonly CouponTarget Bunsik = new("generated:1", FoodCategory.Bunsik, AcceptsMealCard: true);

    private static WalletCoupon Held(long id, int? amount = null, decimal? rate = null, DateTimeOffset? expires = null, string status = WalletCoupon.Active,
        CouponUsage usage = CouponUsage.All, FoodCategory[]? categories = null) => new(
        id,
        new Coupon { Id = $"C{id}", Name = $"쿠폰 {id}", DiscountAmount = amount, DiscountRate = rate, Usage = usage, TargetCategories = categories ?? [] },
        Now.AddDays(-1),
        expires,
        status,
        "test");

    [Fact]
    public void The_largest_discount_wins()
    {
        var choice = CouponChooser.Best([Held(1, amount: 500), Held(2, rate: 0.2m), Held(3, amount: 800)], 5_000, Bunsik, Now, Today);
        choice!.Coupon.WalletCouponId.Should().Be(2);
        choice.Discount.Should().Be(1_000);
        choice.PriceAfterDiscount.Should().Be(4_000);
    }

    [Fact]
    public void On_a_tie_the_coupon_that_expires_first_is_used()
    {
        var choice = CouponChooser.Best(
            [Held(1, amount: 500), Held(2, amount: 500, expires: Now.AddDays(3)), Held(3, amount: 500, expires: Now.AddDays(1))],
            5_000, Bunsik, Now, Today);
        choice!.Coupon.WalletCouponId.Should().Be(3);
    }

    [Fact]
    public void Used_expired_and_inapplicable_coupons_are_never_chosen()
    {
        var wallet = new[]
        {
            Held(1, amount: 3_000, status: WalletCoupon.Used),
            Held(2, amount: 3_000, expires: Now),
            Held(3, amount: 3_000, usage: CouponUsage.Category, categories: [FoodCategory.Korean]),
        };
        CouponChooser.Best(wallet, 5_000, Bunsik, Now, Today).Should().BeNull();
        CouponChooser.Best([], 5_000, Bunsik, Now, Today).Should().BeNull();
    }
}
