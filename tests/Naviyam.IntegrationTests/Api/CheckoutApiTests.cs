using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Naviyam.Cards;
using Naviyam.Catalog;
using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Api;

/// <summary>The embedded default with a small generated city: demo-1 … demo-5 hold meal cards and generated coupons.</summary>
public sealed class CheckoutCityFactory() : GatewayFactory(new DateTime(2025, 9, 3, 12, 0, 0), new Dictionary<string, string?>
{
    ["Naviyam:Data:GenerateShops"] = "300",
    ["Naviyam:Data:GenerateUsers"] = "5",
});

public class CheckoutApiTests(CheckoutCityFactory factory) : IClassFixture<CheckoutCityFactory>
{
    private IShopCatalog Catalog => factory.Services.GetRequiredService<IShopCatalog>();

    private async Task TopUpAsync(string userId, int amount, string key) =>
        (await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IFoodCardGrain>(userId).CreditAsync(amount, key, "test_top_up"))
            .Applied.Should().BeTrue();

    [Fact]
    public async Task The_owner_sees_their_card_and_generated_coupons_in_korean()
    {
        using var client = await factory.ClientForAsync("demo-1");

        var card = await client.CardAsync();
        var coupons = await client.CouponsAsync();

        card.HasCard.Should().BeTrue();
        coupons.Select(c => c.CouponId).Should().Contain(["MEALCARD-1000", "BUNSIK-10", "KOREAN-1500", "WELCOME-2000"]);
        coupons.Should().Contain(c => c.CouponId.StartsWith("SHOP-") && c.ApplicableShops.Length == 1);
        coupons.Single(c => c.CouponId == "MEALCARD-1000").Name.Should().Be("급식카드 전용 1,000원 할인");
        coupons.Single(c => c.CouponId == "BUNSIK-10").TargetCategories.Should().Equal("분식");
    }

    [Fact]
    public async Task An_order_with_a_coupon_pays_the_discounted_price_once_and_uses_the_coupon()
    {
        await TopUpAsync("demo-1", 50_000, "checkout-top-up");
        using var client = await factory.ClientForAsync("demo-1");
        var meal = Catalog.MealAtLeast(5_000);
        var coupon = (await client.CouponsAsync()).Single(c => c.CouponId == "MEALCARD-1000");
        var before = (await client.CardAsync()).Balance;

        using var first = await client.OrderAsync("order-1", meal, walletCouponId: coupon.WalletCouponId);
        using var again = await client.OrderAsync("order-1", meal, walletCouponId: coupon.WalletCouponId);

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        var receipt = (await first.Content.ReadFromJsonAsync<WireReceipt>())!;
        var replay = (await again.Content.ReadFromJsonAsync<WireReceipt>())!;
        receipt.Discount.Should().Be(1_000);
        receipt.Paid.Should().Be(meal.Price - 1_000);
        receipt.BalanceAfter.Should().Be(before - receipt.Paid);
        receipt.CouponName.Should().Be("급식카드 전용 1,000원 할인");
        replay.Replayed.Should().BeTrue();
        replay.OrderId.Should().Be(receipt.OrderId);
        (await client.CardAsync()).Balance.Should().Be(before - receipt.Paid, "the retried order paid nothing");
        (await client.CouponsAsync()).Should().NotContain(c => c.WalletCouponId == coupon.WalletCouponId);

        using var reuse = await client.OrderAsync("order-2", meal, walletCouponId: coupon.WalletCouponId);
        reuse.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await reuse.ProblemCodeAsync()).Should().Be("coupon_not_usable");
    }

    [Fact]
    public async Task Another_users_token_can_neither_read_nor_spend_a_coupon()
    {
        using var owner = await factory.ClientForAsync("demo-2");
        using var intruder = await factory.ClientForAsync("demo-3");
        await TopUpAsync("demo-3", 50_000, "intruder-top-up");
        var owned = await owner.CouponsAsync();
        var meal = Catalog.MealAtLeast(6_000);

        var seen = await intruder.CouponsAsync();
        using var spend = await intruder.OrderAsync("steal-1", meal, walletCouponId: owned[0].WalletCouponId);

        seen.Select(c => c.WalletCouponId).Should().NotIntersectWith(owned.Select(c => c.WalletCouponId));
        spend.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await spend.ProblemCodeAsync()).Should().Be("coupon_not_usable");
        (await owner.CouponsAsync()).Select(c => c.WalletCouponId).Should().BeEquivalentTo(owned.Select(c => c.WalletCouponId));
    }

    [Fact]
    public async Task Refusals_are_problem_json_with_a_korean_detail_and_a_code()
    {
        using var noCard = await factory.ClientForAsync("no-card-user");
        using var poor = await factory.ClientForAsync("demo-4");
        var meal = Catalog.MealAtLeast(5_000);
        var balance = (await poor.CardAsync()).Balance;

        using var withoutCard = await noCard.OrderAsync("o-1", meal);
        using var tooMuch = await poor.OrderAsync("o-1", meal, quantity: balance / meal.Price + 1);
        using var staleMenu = await poor.OrderAsync("o-2", meal with { Price = meal.Price + 10 });
        var refusing = Catalog.All().First(s => s.MealCard == Naviyam.Shops.MealCardAcceptance.No && s.CheapestMeal() is not null);
        var refusingMeal = refusing.CheapestMeal()!;
        using var noCardShop = await poor.OrderAsync("o-3", new MealChoice(refusing.Id, refusingMeal.Name, refusingMeal.Price!.Value, refusing.Category));

        withoutCard.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await withoutCard.ProblemCodeAsync()).Should().Be("no_card");
        tooMuch.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await tooMuch.ProblemCodeAsync()).Should().Be("insufficient_balance");
        (await tooMuch.Content.ReadAsStringAsync()).Should().Contain("잔액이 모자라요");
        staleMenu.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await staleMenu.ProblemCodeAsync()).Should().Be("menu_unavailable");
        noCardShop.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await noCardShop.ProblemCodeAsync()).Should().Be("card_not_accepted");
        (await poor.CardAsync()).Balance.Should().Be(balance);
    }

    [Theory]
    [InlineData("""{"shopId":"generated:1","menuName":"김밥","unitPrice":3000}""")]
    [InlineData("""{"orderKey":"bad key!","shopId":"generated:1","menuName":"김밥","unitPrice":3000}""")]
    [InlineData("""{"orderKey":"k-1","shopId":"generated:1","menuName":"김밥","unitPrice":0}""")]
    [InlineData("""{"orderKey":"k-1","shopId":"generated:1","menuName":"김밥","unitPrice":3000,"quantity":99}""")]
    [InlineData("""{"orderKey":""")]
    public async Task Bad_order_input_gets_400_problem_json(string body)
    {
        using var client = await factory.ClientForAsync("demo-5");

        using var response = await client.PostAsync("/api/me/orders", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Without_a_token_the_wallet_is_closed()
    {
        using var anonymous = new HttpClient { BaseAddress = factory.BaseAddress };

        using var coupons = await anonymous.GetAsync("/api/me/coupons");
        using var order = await anonymous.PostAsJsonAsync("/api/me/orders", new { orderKey = "x" });

        coupons.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        order.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Recommendations_show_the_price_after_the_best_coupon()
    {
        using var client = await factory.ClientForAsync("demo-1");

        var reply = await client.ChatAsync("demo-1", "coupon-pricing", "떡볶이 먹고 싶어", userAge: 12);

        var discounted = reply.Recommendations.Where(r => r.CouponId is not null).ToList();
        discounted.Should().NotBeEmpty("demo-1 holds the 분식 10% coupon and 떡볶이 is 분식");
        discounted.Should().OnlyContain(r => r.FinalPrice < r.Price);
        reply.Reply.Should().Contain("쿠폰 쓰면");
    }

    [Fact]
    public async Task A_coupon_question_is_answered_with_the_users_real_coupons()
    {
        using var holder = await factory.ClientForAsync("demo-5");
        using var nobody = await factory.ClientForAsync("no-coupons-kid");
        var held = await holder.CouponsAsync();

        var answer = await holder.ChatAsync("demo-5", "coupon-question", "할인 쿠폰 있어?", userAge: 12);
        var none = await nobody.ChatAsync("no-coupons-kid", "coupon-question-2", "할인 쿠폰 있어?", userAge: 12);

        answer.Intent.Should().Be("coupon_inquiry");
        answer.Reply.Should().Contain($"쓸 수 있는 쿠폰이 {held.Length}장 있어요").And.Contain(held[0].Name);
        none.Reply.Should().Contain("쓸 수 있는 쿠폰은 없어요");
    }
}
