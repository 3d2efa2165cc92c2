using Naviyam.Catalog;
using Naviyam.Chat;
using Naviyam.Coupons;
using Naviyam.Ranking;
using Naviyam.Reply;
using Naviyam.Retrieval;
using Naviyam.Shops;

namespace Naviyam.UnitTests.Reply;

public class RecommendationPresenterTests
{
    private static readonly ShopRecord Bunsik = new()
    {
        Id = "test:1", Source = "test", SourceId = "1", Name = "행복분식", Category = FoodCategory.Bunsik,
        MealCard = MealCardAcceptance.Partial, Address = "서울 관악구 봉천로 391",
    };

    private static RecommendationPresenter Presenter()
    {
        var catalog = new ShopCatalog();
        catalog.Load([Bunsik]);
        return new RecommendationPresenter(new ReplyComposer(), catalog);
    }

    private static ScoredCandidate Priced(int price, bool? open = true) =>
        new(new Candidate(Bunsik, new MenuItem("떡볶이", price, MenuKind.Meal), open, 234, FoodMatched: true), 0.812345);

    [Fact]
    public void A_pick_says_why_it_fits_and_what_to_check()
    {
        var pick = Presenter().Explain([Priced(4_000, open: null)], [null], budgetCap: 5_000, atNow: true).Single();

        pick.Reasons.Should().Equal("예산 안(4,000원 ≤ 5,000원)", "찾는 음식", "230m 거리", "급식카드 가맹점");
        pick.Flags.Should().Equal(RecommendationPresenter.HoursUnknownFlag, RecommendationPresenter.PartialMealCardFlag);
    }

    [Theory]
    [InlineData(true, "지금 영업 중")]
    [InlineData(false, "그 시간에 영업")]
    public void An_open_shop_is_said_to_be_open_when_the_child_wants_to_eat(bool atNow, string reason) =>
        Presenter().Explain([Priced(4_000)], [null], budgetCap: null, atNow).Single().Reasons.Should().Contain(reason);

    [Fact]
    public void The_view_carries_the_price_after_the_best_coupon()
    {
        var coupon = new WalletCoupon(7, new Coupon { Id = "C1", Name = "분식 500원", DiscountAmount = 500 }, DateTimeOffset.UnixEpoch, null, WalletCoupon.Active, "test");
        var presenter = Presenter();
        var picks = presenter.Explain([Priced(4_000)], [new CouponChoice(coupon, 500, 3_500)], budgetCap: 5_000, atNow: true);

        var view = presenter.Present(new ReplyContext { Intent = Intents.FoodRequest, Slots = Entities.None, Picks = picks, BudgetCap = 5_000 })
            .Recommendations.Single();

        view.Should().BeEquivalentTo(new
        {
            ShopId = "test:1", MenuName = "떡볶이", Price = 4_000, FinalPrice = 3_500, CouponId = "C1", Discount = 500,
            WalletCouponId = 7L, DistanceMeters = 234, Score = 0.8123,
        });
    }

    [Fact]
    public void Shops_with_unconfirmed_prices_are_listed_apart_from_the_recommendations()
    {
        var presenter = Presenter();
        var unpriced = new ScoredCandidate(new Candidate(Bunsik, null, true, 100, false, TypicalPrice: 4_000), 0.5);
        var picks = presenter.Explain([unpriced], [null], budgetCap: 5_000, atNow: true);

        var presentation = presenter.Present(new ReplyContext
        {
            Intent = Intents.FoodRequest, Slots = Entities.None, Picks = picks, BudgetCap = 5_000, PricesUnconfirmed = true,
        });

        presentation.Recommendations.Should().BeEmpty();
        presentation.PriceUnknown.Single().Flags.Should().Contain(RecommendationPresenter.PriceUnknownFlag);
        picks.Single().Reasons.Should().Contain("보통 예산 안에서 먹을 수 있는 가게");
    }

    [Fact]
    public void Where_a_shop_is_comes_from_the_catalog()
    {
        var shown = new RecommendationView { ShopId = "test:1", ShopName = "행복분식", DistanceMeters = 120 };

        var presentation = Presenter().PresentWhere(shown);

        presentation.Text.Should().StartWith("행복분식은 서울 관악구 봉천로 391에 있어요.");
        presentation.Recommendations.Should().Equal(shown);
    }
}
