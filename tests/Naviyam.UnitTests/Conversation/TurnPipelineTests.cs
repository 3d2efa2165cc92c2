using Naviyam.Chat;
using Naviyam.Conversation;
using Naviyam.Coupons;
using Naviyam.Profiles;
using Naviyam.Shops;
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

    private readonly TestPipeline pipeline = new(Bunsik, Bar, EveningShop, Chinese);

    public void Dispose() => pipeline.Dispose();

    private static TurnContext Child(int? balance = null, params WalletCoupon[] wallet) => TestPipeline.Child(balance, wallet);

    private Task<ChatReply> Say(string text, TurnContext user, int? age = null, DateTimeOffset? now = null) =>
        Say(text, user, Entities.None, age, now);

    private Task<ChatReply> Say(string text, TurnContext user, Entities slots, int? age = null, DateTimeOffset? now = null) =>
        pipeline.SayAsync(text, user, Here, slots, age, now);

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
    [Fact]
    public async Task Asking_for_other_shops_walks_on_through_the_list_and_says_when_it_has_ended()
    {
        using var street = new TestPipeline(
            Bunsik, Chinese,
            Shop("나비김밥", FoodCategory.Bunsik, 150, ("참치김밥", 4_500)),
            Shop("햇살국수", FoodCategory.Korean, 200, ("잔치국수", 5_000)),
            Shop("별빛돈까스", FoodCategory.Japanese, 250, ("돈까스", 7_000)));
        var first = await street.SayAsync("만원으로 밥 먹을 데 추천해줘", Child(), Here);
        var shown = Offered(first).ToArray();
        shown.Should().HaveCount(3);

        var others = await street.SayAsync("다른 데 보여줘", Child(), Here, first.Slots, previous: first, history: new SessionHistory("s1", [first]));

        Offered(others).Should().HaveCount(2).And.NotIntersectWith(shown);
        others.Reply.Should().StartWith("앞에서 알려 준 곳 말고 다른 곳으로 골라 봤어요.");

        var ended = await street.SayAsync("딴 데 없어?", Child(), Here, others.Slots, previous: others, history: new SessionHistory("s1", [first, others]));
        Offered(ended).Should().BeEmpty();
        ended.Reply.Should().Contain("앞에서 다 알려 줬어요");
    }
    [Fact]
    public async Task A_new_users_vague_request_asks_what_they_like_once_instead_of_a_second_question_about_food()
    {
        var reply = await Say("만원으로 밥 먹을 데 추천해줘", Child());

        reply.Recommendations.Should().NotBeEmpty();
        reply.PreferenceQuestion.Should().Be(OnboardingQuestion.Text);
        reply.Reply.Should().EndWith(OnboardingQuestion.Text).And.NotContain("특별히 먹고 싶은 음식이 있으면 말해 줘요!");
    }
}
