using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Naviyam.Cards;
using Naviyam.Coupons;
using Naviyam.Shops;

namespace Naviyam.IntegrationTests.Infrastructure;

/// <summary>
/// Ordering in the chat and cancelling, through the real gateway, conversation and card grains and the configured
/// stores: the same scenarios run on the embedded default and on MariaDB. A shop of the test's own stands alone in
/// Busan (the generated city is in Seoul), so every search there offers it and nothing else.
/// </summary>
public abstract class OrderInChatScenario(GatewayFactory factory)
{
    public static readonly DateTime Noon = new(2025, 9, 3, 12, 0, 0);

    public static readonly GeoPoint Busan = new(35.1796, 129.0756);

    public static Dictionary<string, string?> CitySettings() => new()
    {
        ["Naviyam:Data:GenerateShops"] = "200",
        ["Naviyam:Data:GenerateUsers"] = "5",
        ["Naviyam:Orders:CancelWindow"] = "00:10:00",
    };

    /// <summary>A Korean restaurant with one meal, a beer and a cola; the card pays for the meal only.</summary>
    protected static readonly ShopRecord TestShop = new()
    {
        Id = "test:order-shop",
        Source = "test",
        SourceId = "order-shop",
        Name = "나비시험식당",
        Category = FoodCategory.Korean,
        Address = "부산광역시 부산진구 중앙대로 708",
        Phone = "051-000-0000",
        Location = Busan,
        MealCard = MealCardAcceptance.Yes,
        Hours = WeeklyHours.Same(DayHours.AllDay),
        Menus = [new MenuItem("나비정식", 7_000, MenuKind.Meal), new MenuItem("생맥주", 4_000, MenuKind.Alcohol), new MenuItem("콜라", 2_000, MenuKind.Drink)],
        Popularity = 0.5,
    };

    private static readonly object Here = new { lat = Busan.Latitude, lng = Busan.Longitude };

    protected IGrainFactory Grains => factory.Services.GetRequiredService<IGrainFactory>();

    protected async Task<HttpClient> ReadyAsync(string userId, int topUp)
    {
        factory.SetSeoulTime(Noon);
        await Grains.GetGrain<IShopGrain>(TestShop.Id).UpdateAsync(TestShop);
        (await Grains.GetGrain<IFoodCardGrain>(userId).CreditAsync(topUp, $"top-up-{Guid.NewGuid():N}", "test_top_up")).Applied.Should().BeTrue();
        return await factory.ClientForAsync(userId);
    }

    protected static Task<WireReply> SayAsync(HttpClient client, string userId, string session, string text, string? turnId = null) =>
        client.ChatAsync(userId, session, text, userAge: 12, turnId: turnId, location: Here);

    /// <summary>Lists the test shop, then asks to order it by its number: the reply waits for "응".</summary>
    protected static async Task<WireReply> ProposeAsync(HttpClient client, string userId, string session)
    {
        var list = await SayAsync(client, userId, session, "배고파 밥 먹을 데 추천해줘");
        var number = list.Recommendations.FindIndex(r => r.ShopId == TestShop.Id) + 1;
        number.Should().BePositive(list.Reply);
        return await SayAsync(client, userId, session, $"{number}번으로 주문해 줘");
    }

    [Fact]
    public async Task An_order_in_chat_is_confirmed_placed_once_and_cancelled_with_balance_and_coupon_back()
    {
        using var client = await ReadyAsync("demo-1", 30_000);
        var before = (await client.CardAsync()).Balance;
        var couponsBefore = (await client.CouponsAsync()).Select(c => c.WalletCouponId).ToList();

        var proposal = await ProposeAsync(client, "demo-1", "chat-order-1");
        var pending = proposal.PendingOrder!;
        pending.ShopName.Should().Be(TestShop.Name);
        pending.MenuName.Should().Be("나비정식");
        pending.UnitPrice.Should().Be(7_000);
        pending.CouponName.Should().Be("나비얌 첫 만남 2,000원 할인", "the best coupon demo-1 holds for a 7,000-won 한식 meal");
        pending.FinalPrice.Should().Be(5_000);
        pending.BalanceAfter.Should().Be(before - 5_000);
        proposal.Action.Should().Be("order_confirm");
        proposal.Reply.Should().NotContain("\n").And.Contain(TestShop.Name).And.Contain("나비정식").And.Contain("7,000원")
            .And.Contain("나비얌 첫 만남 2,000원 할인").And.Contain("5,000원").And.Contain($"{before - 5_000:#,0}원").And.Contain("'응'");
        (await client.CardAsync()).Balance.Should().Be(before, "nothing is paid before the yes");

        var placed = await SayAsync(client, "demo-1", "chat-order-1", "ㅇㅇ");
        placed.Action.Should().Be("order_placed");
        placed.Order!.OrderKey.Should().Be(pending.OrderKey);
        placed.Order.Paid.Should().Be(5_000);
        placed.Order.Status.Should().Be("PLACED");
        placed.Reply.Should().StartWith("주문했어요!");
        (await client.CardAsync()).Balance.Should().Be(before - 5_000);
        (await client.CouponsAsync()).Should().NotContain(c => c.WalletCouponId == pending.WalletCouponId);

        // The same order is the REST API's order.
        var rest = (await client.GetFromJsonAsync<WireReceipt>($"/api/me/orders/{pending.OrderKey}"))!;
        rest.OrderId.Should().Be(placed.Order.OrderId);
        rest.CancellableUntil.Should().NotBeNull();

        var again = await SayAsync(client, "demo-1", "chat-order-1", "응");
        again.Order.Should().BeNull("a second yes has nothing left to confirm");
        (await client.CardAsync()).Balance.Should().Be(before - 5_000);

        var cancelled = await SayAsync(client, "demo-1", "chat-order-1", "주문 취소해 줘");
        cancelled.Action.Should().Be("order_cancelled");
        cancelled.Order!.Status.Should().Be("CANCELLED");
        cancelled.Reply.Should().Contain("취소했어요").And.Contain("5,000원");
        (await client.CardAsync()).Balance.Should().Be(before);
        (await client.CouponsAsync()).Select(c => c.WalletCouponId).Should().BeEquivalentTo(couponsBefore);

        var twice = await SayAsync(client, "demo-1", "chat-order-1", "주문 취소해줘");
        twice.Reply.Should().Contain("이미 취소");
        (await client.CardAsync()).Balance.Should().Be(before, "a second cancel gives nothing back twice");
    }

    [Fact]
    public async Task A_retried_confirmation_turn_and_a_replayed_order_key_pay_once()
    {
        using var client = await ReadyAsync("demo-2", 30_000);
        var before = (await client.CardAsync()).Balance;
        var pending = (await ProposeAsync(client, "demo-2", "chat-order-2")).PendingOrder!;

        var first = await SayAsync(client, "demo-2", "chat-order-2", "응", turnId: "yes-1");
        var retried = await SayAsync(client, "demo-2", "chat-order-2", "응", turnId: "yes-1");
        // The confirmation turn run again from scratch (a silo lost before the turn was acknowledged) places the same key.
        var direct = await Grains.GetGrain<IFoodCardGrain>("demo-2").PlaceOrderAsync(
            new Naviyam.Orders.OrderRequest(pending.OrderKey, pending.ShopId, pending.MenuName, 1, pending.UnitPrice, pending.WalletCouponId));

        retried.Replayed.Should().BeTrue();
        retried.Order!.OrderId.Should().Be(first.Order!.OrderId);
        direct.Duplicate.Should().BeTrue();
        direct.Receipt!.OrderId.Should().Be(first.Order.OrderId);
        (await client.CardAsync()).Balance.Should().Be(before - pending.FinalPrice);
    }

    [Fact]
    public async Task Anything_but_yes_drops_the_proposal_and_no_declines_it()
    {
        using var client = await ReadyAsync("demo-3", 30_000);
        var before = (await client.CardAsync()).Balance;

        await ProposeAsync(client, "demo-3", "chat-order-3");
        var other = await SayAsync(client, "demo-3", "chat-order-3", "거기 몇 시까지 해?");
        var yesTooLate = await SayAsync(client, "demo-3", "chat-order-3", "응");
        await SayAsync(client, "demo-3", "chat-order-3", "1번으로 주문해 줘");
        var no = await SayAsync(client, "demo-3", "chat-order-3", "아니");

        other.Reply.Should().Contain("하지 않았어요");
        yesTooLate.Order.Should().BeNull();
        no.Reply.Should().Contain("주문하지 않을게요");
        (await client.CardAsync()).Balance.Should().Be(before);
    }

    [Fact]
    public async Task After_the_shop_accepts_an_order_it_cannot_be_cancelled_in_chat_or_over_rest()
    {
        using var client = await ReadyAsync("demo-3", 30_000);
        await ProposeAsync(client, "demo-3", "chat-order-4");
        var placed = (await SayAsync(client, "demo-3", "chat-order-4", "네")).Order!;
        var paid = (await client.CardAsync()).Balance;

        factory.SetSeoulTime(Noon.AddMinutes(11));
        var chat = await SayAsync(client, "demo-3", "chat-order-4", "주문 취소해 줘");
        using var rest = await client.CancelOrderAsync(placed.OrderKey);
        var status = (await client.GetFromJsonAsync<WireReceipt>($"/api/me/orders/{placed.OrderKey}"))!;

        chat.Reply.Should().Contain("이미 주문을 받아서");
        rest.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await rest.ProblemCodeAsync()).Should().Be("order_accepted");
        status.Status.Should().Be("ACCEPTED");
        (await client.CardAsync()).Balance.Should().Be(paid);
    }

    [Fact]
    public async Task A_rest_cancel_refunds_once_however_often_and_however_concurrently_it_is_sent()
    {
        using var client = await ReadyAsync("demo-4", 30_000);
        var before = (await client.CardAsync()).Balance;
        var meal = new MealChoice(TestShop.Id, "나비정식", 7_000, TestShop.Category);
        using (var order = await client.OrderAsync("rest-cancel-1", meal))
        {
            order.StatusCode.Should().Be(HttpStatusCode.Created);
            order.Headers.Location!.ToString().Should().Be("/api/me/orders/rest-cancel-1");
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.CancelOrderAsync("rest-cancel-1")));
        var receipts = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<WireReceipt>()));
        using var unknown = await client.CancelOrderAsync("no-such-order");
        using var badKey = await client.CancelOrderAsync("bad%20key!");

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        receipts.Should().OnlyContain(r => r!.Status == "CANCELLED" && r.Refunded == 7_000 && r.BalanceAfterCancel == before);
        receipts.Count(r => !r!.Replayed).Should().Be(1);
        (await client.CardAsync()).Balance.Should().Be(before);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await unknown.ProblemCodeAsync()).Should().Be("unknown_order");
        badKey.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task The_card_pays_for_meals_never_for_alcohol_or_a_drink_alone()
    {
        using var client = await ReadyAsync("demo-5", 30_000);
        var before = (await client.CardAsync()).Balance;

        using var beer = await client.OrderAsync("beer-1", new MealChoice(TestShop.Id, "생맥주", 4_000, TestShop.Category));
        using var cola = await client.OrderAsync("cola-1", new MealChoice(TestShop.Id, "콜라", 2_000, TestShop.Category));

        beer.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await beer.ProblemCodeAsync()).Should().Be("alcohol_not_allowed");
        (await beer.Content.ReadAsStringAsync()).Should().Contain("술은 급식카드로 살 수 없어요");
        cola.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await cola.ProblemCodeAsync()).Should().Be("not_a_meal");
        (await client.CardAsync()).Balance.Should().Be(before);
    }

    [Fact]
    public async Task Only_an_operator_accepts_an_order_and_then_it_cannot_be_cancelled()
    {
        using var client = await ReadyAsync("demo-5", 30_000);
        using (var order = await client.OrderAsync("accept-1", new MealChoice(TestShop.Id, "나비정식", 7_000, TestShop.Category)))
        {
            order.StatusCode.Should().Be(HttpStatusCode.Created);
        }
        using var operatorClient = new HttpClient { BaseAddress = factory.BaseAddress };
        operatorClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", factory.OperatorToken());

        using var byUser = await client.PostAsync("/api/operator/orders/demo-5/accept-1/accept", null);
        using var accepted = await operatorClient.PostAsync("/api/operator/orders/demo-5/accept-1/accept", null);
        using var cancel = await client.CancelOrderAsync("accept-1");

        byUser.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
        (await accepted.Content.ReadFromJsonAsync<WireReceipt>())!.Status.Should().Be("ACCEPTED");
        cancel.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await cancel.ProblemCodeAsync()).Should().Be("order_accepted");
    }

    [Fact]
    public async Task A_child_who_must_eat_now_hears_of_their_emergency_coupon_first()
    {
        using var client = await ReadyAsync("demo-2", 1_000);
        await factory.Services.GetRequiredService<ICouponStore>().UpsertCouponsAsync([new Coupon
        {
            Id = "MONTHLY20", Name = "월말 긴급지원 2,000원", DiscountAmount = 2_000, MinOrderAmount = 3_000, Usage = CouponUsage.FoodCard,
        }]);
        var issued = await Grains.GetGrain<ICouponWalletGrain>("demo-2").IssueAsync("MONTHLY20", "emergency-demo-2", "emergency_assist");
        issued.Error.Should().BeNull();

        var reply = await SayAsync(client, "demo-2", "chat-emergency", "오늘 하루종일 굶었어 ㅠㅠ");

        reply.Intent.Should().Be("emergency_food");
        reply.Reply.Should().StartWith("긴급 지원 쿠폰 '월말 긴급지원 2,000원'이 있어요!");
    }
}
