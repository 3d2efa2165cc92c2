using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Naviyam.Cards;
using Naviyam.Chat;
using Naviyam.Conversation;
using Naviyam.Coupons;
using Naviyam.Profiles;
using Naviyam.Shops;
using Naviyam.Time;
using static Naviyam.UnitTests.Retrieval.TestShops;

namespace Naviyam.UnitTests.Conversation;

/// <summary>
/// Whole turns through the real stages (rule NLU, planner, retrieval, heuristic ranking in process, coupons, reply)
/// over a hand-made catalog, without a host: only the user's context is given instead of read from grains.
/// </summary>
public sealed class TurnPipelineTests : IDisposable
{
    private static readonly ShopRecord Bunsik = Shop("행복분식", FoodCategory.Bunsik, 120, ("떡볶이", 4_000), ("김밥", 3_000), ("라볶이", 6_500));
    private static readonly ShopRecord Bar = Shop("나비호프", FoodCategory.Korean, 40, ("치킨너겟", 4_000), ("감자튀김정식", 5_000)) with
    {
        NotForChildren = true,
        Popularity = 1,
    };
    private static readonly ShopRecord EveningShop = Shop("달빛국밥", FoodCategory.Korean, 60, ("국밥", 4_000)) with { Hours = Evenings, Popularity = 1 };
    private static readonly ShopRecord Chinese = Shop("나비반점", FoodCategory.Chinese, 90, ("짬뽕", 6_000), ("짜장면", 6_500), ("짬뽕밥", 6_000));

    private readonly ServiceProvider metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MemoryCache cache = new(new MemoryCacheOptions());

    public void Dispose()
    {
        metrics.Dispose();
        cache.Dispose();
    }

    private TurnPipeline Pipeline(TurnContext user, DateTimeOffset? now = null) => TestPipeline.Build(
        CatalogOf(Bunsik, Bar, EveningShop, Chinese), user, now ?? SeoulNoon, new RefusingCheckout(), cache,
        metrics.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());

    private static TurnContext Child(int? balance = null, params WalletCoupon[] wallet) => new(
        UserProfile.Empty with { AgeGroup = "child" },
        balance is { } b ? new FoodCardSummary(true, b, "ACTIVE", "아동") : FoodCardSummary.NoCard,
        wallet);

    private Task<ChatReply> Say(string text, TurnContext user, int? age = null, DateTimeOffset? now = null) =>
        Say(text, user, Entities.None, age, now);

    private async Task<ChatReply> Say(string text, TurnContext user, Entities slots, int? age = null, DateTimeOffset? now = null) =>
        (await Pipeline(user, now).RunAsync(new ChatTurn("u1", Guid.NewGuid().ToString(), text, Here, age), slots)).Reply;

    private static IEnumerable<string> Offered(ChatReply reply) => reply.Recommendations.Concat(reply.PriceUnknown).Select(r => r.ShopName);

    [Fact]
    public async Task A_child_is_never_offered_a_bar_however_close_and_popular()
    {
        var child = await Say("배고파 밥 먹을 데 추천해줘", Child());
        var adult = await Say("배고파 밥 먹을 데 추천해줘", Child() with { Profile = UserProfile.Empty with { AgeGroup = "adult" } }, age: 30);

        child.Recommendations.Should().NotBeEmpty();
        Offered(child).Should().NotContain("나비호프");
        Offered(adult).Should().Contain("나비호프", "the bar is the closest, most popular shop for an adult");
        child.Reply.Should().NotContain("나비호프");
    }

    [Fact]
    public async Task A_shop_closed_at_the_time_is_not_offered()
    {
        var noon = await Say("국밥 먹고 싶어", Child());
        var evening = await Say("국밥 먹고 싶어", Child(), now: SeoulNoon.AddHours(7));

        Offered(noon).Should().NotContain("달빛국밥");
        Offered(evening).Should().Contain("달빛국밥");
    }

    [Fact]
    public async Task Nothing_above_the_budget_is_offered()
    {
        var reply = await Say("5천원으로 먹을 거 추천해줘", Child());

        reply.Recommendations.Should().NotBeEmpty().And.OnlyContain(r => r.Price <= 5_000);
        reply.Reply.Should().Contain("5,000원 안에서");
    }

    [Fact]
    public async Task The_budget_is_capped_by_the_card_balance()
    {
        var reply = await Say("만원으로 먹을 거 추천해줘", Child(balance: 3_500));

        reply.Recommendations.Should().ContainSingle().Which.Should().BeEquivalentTo(new { ShopName = "행복분식", MenuName = "김밥", Price = 3_000 });
        reply.Reply.Should().Contain("급식카드 잔액 3,500원 안에서");
    }

    [Fact]
    public async Task An_excluded_dish_stays_out()
    {
        var asked = await Say("짬뽕 말고 중국 음식", Child());

        asked.Slots.Exclusions.Should().Contain("짬뽕");
        var chinese = asked.Recommendations.Should().ContainSingle(r => r.ShopName == "나비반점").Which;
        chinese.MenuName.Should().Be("짜장면");
        asked.Reply.Should().NotContain("짬뽕");

        // The exclusion is a slot: it holds on the next turn too.
        var next = await Say("중국집 추천해줘", Child(), asked.Slots);
        next.Recommendations.Should().NotContain(r => r.MenuName!.Contains("짬뽕"));
    }

    [Fact]
    public async Task A_recommended_meal_shows_the_price_after_the_best_coupon()
    {
        var coupon = new WalletCoupon(7, new Coupon { Id = "C1", Name = "분식 1,000원 할인", DiscountAmount = 1_000 },
            SeoulNoon.AddDays(-1), null, WalletCoupon.Active, "test");

        var reply = await Say("떡볶이 먹고 싶어", Child(10_000, coupon));

        reply.Recommendations.Should().ContainSingle().Which.Should().BeEquivalentTo(new { MenuName = "떡볶이", Price = 4_000, FinalPrice = 3_000, WalletCouponId = 7L });
        reply.Reply.Should().Contain("쿠폰 쓰면 3,000원");
    }

}
