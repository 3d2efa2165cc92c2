using Naviyam.Cards;
using Naviyam.Chat;
using Naviyam.Conversation;
using Naviyam.Coupons;
using Naviyam.Orders;
using Naviyam.Profiles;
using Naviyam.Reply;
using Naviyam.Shops;
using static Naviyam.UnitTests.Retrieval.TestShops;

namespace Naviyam.UnitTests.Conversation;

/// <summary>
/// The actions stage in whole turns of a session: refusals, questions about a pick, the balance and ordering answer
/// before any search. The checkout here only records what it is asked (the real one is tested through the grains).
/// </summary>
public sealed class ConversationActionsTests : IDisposable
{
    private static readonly ShopRecord Bunsik = Shop("행복분식", FoodCategory.Bunsik, 120, ("떡볶이", 4_000), ("김밥", 3_000)) with
    {
        Phone = "02-123-4567",
        Address = "서울 관악구 봉천로 391",
    };
    private static readonly ShopRecord Gimbap = Shop("김밥천국 봉천점", FoodCategory.Bunsik, 300, ("참치김밥", 4_500)) with { Address = "서울 관악구 봉천로 400" };
    private static readonly ShopRecord Chinese = Shop("나비반점", FoodCategory.Chinese, 600, ("짜장면", 6_500)) with { Address = "서울 관악구 봉천로 500" };

    private readonly RecordingCheckout checkout = new();
    private readonly TestPipeline pipeline;
    private readonly List<ChatReply> replies = [];
    private Entities slots = Entities.None;

    public ConversationActionsTests() => pipeline = new TestPipeline(checkout, Bunsik, Gimbap, Chinese);

    public void Dispose() => pipeline.Dispose();

    private static TurnContext Child(int? balance = 20_000, params WalletCoupon[] wallet) => new(
        UserProfile.Empty with { AgeGroup = "child" },
        balance is { } b ? new FoodCardSummary(true, b, "ACTIVE", "어린이") : FoodCardSummary.NoCard,
        wallet);

    /// <summary>One turn of the session "s1", keeping its slots and replies as the conversation grain does.</summary>
    private async Task<ChatReply> Say(string text, TurnContext? user = null, int? age = 12, string? turnId = null)
    {
        var reply = await pipeline.SayAsync(text, user ?? Child(), Here, slots, age, SeoulNoon, replies.LastOrDefault(),
            new SessionHistory("s1", replies), turnId ?? $"t{replies.Count + 1}");
        slots = reply.Slots;
        replies.Add(reply);
        return reply;
    }

    private static string FirstSentence(ChatReply reply) => reply.Reply.Split('\n')[0].Split(". ")[0];

    [Fact]
    public async Task A_request_for_alcohol_is_refused_kindly_without_a_list_and_food_is_offered()
    {
        var reply = await Say("막창에 소주 한잔");

        reply.Action.Should().Be(ChatActions.Refusal);
        reply.Recommendations.Should().BeEmpty();
        reply.PriceUnknown.Should().BeEmpty();
        reply.Reply.Should().Contain("찾아 줄 수 없어요").And.Contain("19살").And.Contain("막창 먹을 수 있는 곳은 찾아 줄 수 있어요");
    }

    [Fact]
    public async Task An_adult_is_refused_for_the_card_not_for_the_age()
    {
        var reply = await Say("술 한잔 하고 싶다", Child() with { Profile = UserProfile.Empty with { AgeGroup = "adult" } }, age: 25);

        reply.Action.Should().Be(ChatActions.Refusal);
        reply.Reply.Should().Contain("급식카드는 밥을 먹기 위한 카드").And.NotContain("19살");
    }

    [Fact]
    public async Task Yes_to_the_offered_food_searches_for_it()
    {
        await Say("짜장면에 맥주 먹고싶다");
        var yes = await Say("ㅇㅇ");

        yes.Action.Should().BeNull();
        yes.Recommendations.Should().ContainSingle().Which.MenuName.Should().Be("짜장면");
    }

    [Fact]
    public async Task A_pick_asked_about_by_number_gets_its_address_and_nothing_else()
    {
        await Say("분식 먹고 싶어");
        var second = replies[^1].Recommendations[1];

        var where = await Say("2번 가게는 어디 있어?");

        where.Action.Should().Be(ChatActions.Pick);
        where.Recommendations.Should().ContainSingle().Which.ShopId.Should().Be(second.ShopId);
        where.Reply.Should().StartWith($"2번 {second.ShopName}").And.Contain("봉천로");
    }

    [Fact]
    public async Task A_pick_named_by_its_shop_gets_the_price_and_the_other_meals_from_the_data()
    {
        await Say("분식 먹고 싶어");

        var price = await Say("행복분식 가격 얼마야");

        price.Reply.Should().StartWith("1번 행복분식의 김밥은 3,000원이에요.").And.Contain("다른 메뉴는 떡볶이 4,000원이 있어요");
    }

    [Fact]
    public async Task A_pick_never_offered_is_said_to_be_missing()
    {
        await Say("분식 먹고 싶어");

        var missing = await Say("5번 어디야");

        FirstSentence(missing).Should().Be("5번 가게는 없어요");
        missing.Recommendations.Should().BeEmpty();
    }

    [Fact]
    public async Task A_pick_turned_down_asks_for_a_new_search()
    {
        await Say("분식 먹고 싶어");

        var other = await Say("2번 말고 다른데");

        other.Action.Should().BeNull();
    }

    [Fact]
    public async Task The_balance_comes_first()
    {
        var balance = await Say("카드에 돈 얼마 남았어");
        var noCard = await Say("잔액 얼마야?", Child(balance: null));

        balance.Action.Should().Be(ChatActions.Balance);
        FirstSentence(balance).Should().Be("급식카드 잔액은 20,000원이에요");
        balance.Recommendations.Should().BeEmpty();
        noCard.Reply.Should().StartWith("등록된 급식카드가 없어서");
    }

    [Fact]
    public async Task An_order_is_proposed_in_one_line_and_the_yes_places_it_by_the_proposals_key()
    {
        var coupon = new WalletCoupon(7, new Coupon { Id = "C1", Name = "분식 1,000원 할인", DiscountAmount = 1_000 },
            SeoulNoon.AddDays(-1), null, WalletCoupon.Active, "test");
        var user = Child(10_000, coupon);
        await Say("떡볶이 먹고 싶어", user);

        var proposal = await Say("첫번째 걸로 시켜줘", user);
        var yes = await Say("응", user);

        var pending = proposal.PendingOrder!;
        pending.OrderKey.Should().Be(ChatOrders.OrderKeyFor("u1", "s1", "t2"));
        pending.Should().BeEquivalentTo(new { ShopName = "행복분식", MenuName = "떡볶이", UnitPrice = 4_000, FinalPrice = 3_000, BalanceAfter = 7_000, WalletCouponId = 7L });
        proposal.Reply.Should().Be(OrderReplies.Confirm(pending));
        proposal.Reply.Should().Be("행복분식 떡볶이 4,000원에서 분식 1,000원 할인 쿠폰으로 1,000원 할인받아 3,000원으로 주문할까요? "
                                   + "결제하면 급식카드 잔액은 7,000원이 남아요. 맞으면 '응'이라고 해 주세요.");
        checkout.Placed.Should().ContainSingle().Which.Should().Be(pending.ToRequest());
        yes.Action.Should().Be(ChatActions.OrderPlaced);
    }

    [Fact]
    public async Task No_declines_the_proposal_and_anything_else_drops_it_with_a_word()
    {
        await Say("분식 먹고 싶어");
        await Say("1번으로 주문해 줘");
        var no = await Say("아니요");
        await Say("1번으로 주문해 줘");
        var other = await Say("2번 몇시까지 해?");
        var lateYes = await Say("응");

        no.Reply.Should().Be(OrderReplies.Declined);
        other.Reply.Should().EndWith(OrderReplies.DroppedNote);
        lateYes.Order.Should().BeNull();
        checkout.Placed.Should().BeEmpty();
    }

    [Fact]
    public async Task This_one_after_a_list_of_several_asks_which()
    {
        await Say("분식 먹고 싶어");

        var which = await Say("이걸로 할게");

        which.PendingOrder.Should().BeNull();
        which.Reply.Should().StartWith("몇 번 가게로 주문할까요?");
    }

    [Fact]
    public async Task This_one_after_asking_about_a_pick_means_that_pick()
    {
        await Say("분식 먹고 싶어");
        var asked = (await Say("2번 어디야")).Recommendations[0];

        var proposal = await Say("이걸로 할게");

        proposal.PendingOrder!.ShopId.Should().Be(asked.ShopId);
    }

    [Fact]
    public async Task A_pick_without_a_price_cannot_be_ordered_here()
    {
        var unpriced = new RecommendationView { ShopId = "test:unpriced", ShopName = "가격없는집" };
        replies.Add(new ChatReply { TurnId = "t0", Reply = "…", Intent = Intents.FoodRequest, Entities = Entities.None, Slots = Entities.None, PriceUnknown = [unpriced] });

        var reply = await Say("1번으로 주문해 줘");

        reply.PendingOrder.Should().BeNull();
        reply.Reply.Should().Contain("메뉴 가격 정보가 없어서 여기서는 주문할 수 없어요");
    }

    [Fact]
    public async Task Cancelling_asks_the_checkout_and_says_what_came_back()
    {
        checkout.LastOrder = new OrderReceipt
        {
            OrderId = 1, OrderKey = "k1", ShopId = Bunsik.Id, MenuName = "떡볶이", Quantity = 1, OrderAmount = 4_000, Discount = 0, Paid = 4_000,
            BalanceAfter = 16_000, PlacedAt = SeoulNoon, Status = OrderStatus.Cancelled, BalanceAfterCancel = 20_000,
        };

        var reply = await Say("주문 취소해줘");

        reply.Action.Should().Be(ChatActions.OrderCancelled);
        reply.Reply.Should().Be("행복분식 떡볶이 주문을 취소했어요. 급식카드로 낸 4,000원을 돌려받았어요. 지금 잔액은 20,000원이에요.");
    }

    [Fact]
    public async Task An_emergency_coupon_is_offered_first_to_a_child_who_must_eat_now()
    {
        var emergency = new WalletCoupon(9, new Coupon { Id = "MONTHLY20", Name = "월말 긴급지원 2,000원", DiscountAmount = 2_000, Usage = CouponUsage.FoodCard },
            SeoulNoon.AddDays(-1), SeoulNoon.AddDays(3), WalletCoupon.Active, EmergencyCoupons.Source);

        var reply = await Say("오늘 하루종일 굶었어", Child(5_000, emergency));

        reply.Intent.Should().Be(Intents.EmergencyFood);
        reply.Reply.Should().StartWith("긴급 지원 쿠폰 '월말 긴급지원 2,000원'이 있어요! 급식카드로 결제할 때 쓰면 2,000원 덜 내요.");
    }

    /// <summary>Records the orders it is asked to place; a cancel answers with <see cref="LastOrder"/>.</summary>
    private sealed class RecordingCheckout : ICardCheckout
    {
        public List<OrderRequest> Placed { get; } = [];

        public OrderReceipt? LastOrder { get; set; }

        public Task<OrderResult> PlaceAsync(string userId, OrderRequest request)
        {
            Placed.Add(request);
            return Task.FromResult(OrderResult.Placed(new OrderReceipt
            {
                OrderId = Placed.Count, OrderKey = request.OrderKey, ShopId = request.ShopId, MenuName = request.MenuName, Quantity = 1,
                OrderAmount = request.UnitPrice, Discount = 0, Paid = request.UnitPrice, BalanceAfter = 0, PlacedAt = SeoulNoon,
            }));
        }

        public Task<OrderResult> CancelLastAsync(string userId) =>
            Task.FromResult(LastOrder is null ? OrderResult.Refused(OrderErrors.UnknownOrder) : OrderResult.Placed(LastOrder));
    }
}
