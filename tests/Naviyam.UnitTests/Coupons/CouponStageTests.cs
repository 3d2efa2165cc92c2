using Naviyam.Coupons;
using Naviyam.Ranking;
using Naviyam.Retrieval;
using Naviyam.Shops;

namespace Naviyam.UnitTests.Coupons;

public class CouponStageTests
{
    // 00:30 on 4 September in Seoul, still 3 September in UTC.
    private static readonly DateTimeOffset SeoulNow = new(2025, 9, 4, 0, 30, 0, TimeSpan.FromHours(9));

    private static ScoredCandidate Pick(string id, FoodCategory category, int? price) => new(new Candidate(
        new ShopRecord { Id = id, Source = "test", SourceId = id, Name = id, Category = category, MealCard = MealCardAcceptance.Yes },
        price is null ? null : new MenuItem("대표 메뉴", price, MenuKind.Meal), OpenNow: true, DistanceMeters: 100, FoodMatched: false), 0.5);

    private static WalletCoupon Held(long id, Coupon coupon) => new(id, coupon, SeoulNow.AddDays(-3), null, WalletCoupon.Active, "test");

    private static readonly WalletCoupon Anywhere = Held(1, new Coupon { Id = "all", Name = "어디서나 500원", DiscountAmount = 500 });

    private static readonly WalletCoupon KoreanOnly = Held(2, new Coupon
    {
        Id = "korean", Name = "한식 2,000원", DiscountAmount = 2_000, Usage = CouponUsage.Category, TargetCategories = [FoodCategory.Korean],
    });

    [Fact]
    public void Each_priced_pick_gets_its_own_best_coupon_in_the_picks_order()
    {
        var choices = CouponStage.BestFor(
            [Pick("bunsik", FoodCategory.Bunsik, 4_000), Pick("korean", FoodCategory.Korean, 8_000), Pick("unpriced", FoodCategory.Korean, null)],
            [Anywhere, KoreanOnly], SeoulNow);

        choices.Should().HaveCount(3);
        choices[0]!.Coupon.Should().Be(Anywhere);
        choices[0]!.PriceAfterDiscount.Should().Be(3_500);
        choices[1]!.Coupon.Should().Be(KoreanOnly);
        choices[1]!.PriceAfterDiscount.Should().Be(6_000);
        choices[2].Should().BeNull("a shop without a price has nothing to discount");
    }

    [Fact]
    public void Validity_is_judged_on_the_Seoul_date()
    {
        var endedYesterdayInSeoul = Held(3, new Coupon { Id = "old", Name = "9월 3일까지", DiscountAmount = 1_000, ValidUntil = new DateOnly(2025, 9, 3) });

        var choices = CouponStage.BestFor([Pick("bunsik", FoodCategory.Bunsik, 4_000)], [endedYesterdayInSeoul], SeoulNow);

        choices.Should().Equal([null]);
    }

    [Fact]
    public void An_empty_wallet_gives_no_coupon_to_any_pick() =>
        CouponStage.BestFor([Pick("bunsik", FoodCategory.Bunsik, 4_000)], [], SeoulNow).Should().Equal([null]);
}
