using Naviyam.Cards;
using Naviyam.Coupons;
using Naviyam.Orders;

namespace Naviyam.UnitTests.Orders;

/// <summary>The embedded default's order store takes the same decisions as the MySQL transaction, under its locks.</summary>
public sealed class InMemoryCancellationTests
{
    private const string Kid = "kid-1";
    private static readonly DateTimeOffset Now = new(2025, 9, 3, 3, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private static readonly Coupon MealCardCoupon = new()
    {
        Id = "MEALCARD-1000", Name = "급식카드 전용 1,000원 할인", DiscountAmount = 1_000, MinOrderAmount = 5_000, Usage = CouponUsage.FoodCard,
    };

    private readonly InMemoryFoodCardStore cards = new();
    private readonly InMemoryCouponStore coupons = new();
    private readonly InMemoryOrderStore orders;

    public InMemoryCancellationTests()
    {
        orders = new InMemoryOrderStore(cards, coupons);
        cards.UpsertAccountsAsync([new FoodCardAccount { UserId = Kid, CardNumber = "9999-0000-0001", Balance = 10_000 }]).Wait();
        coupons.UpsertCouponsAsync([MealCardCoupon]).Wait();
    }

    private async Task<WalletCoupon> IssueAsync(string key, DateTimeOffset? expiresAt = null) =>
        (await coupons.IssueAsync(new CouponGrant(Kid, MealCardCoupon.Id, key, "test", expiresAt, Now.AddDays(-1)))).Coupon;

    private async Task<OrderResult> PlaceAsync(string orderKey, int price, WalletCoupon? coupon = null) =>
        (await orders.PlaceAsync(new OrderPlacement(Kid, new OrderRequest(orderKey, "generated:1", "김밥", 1, price, coupon?.WalletCouponId),
            coupon is null ? 0 : 1_000, coupon, Now))).Result;

    private Task<OrderCommit> CancelAsync(string orderKey, DateTimeOffset? at = null) =>
        orders.CancelAsync(new OrderCancellation(Kid, orderKey, at ?? Now.AddMinutes(1), Window));

    private async Task<int> BalanceAsync() => (await cards.LoadAsync(Kid))!.Balance;

    [Fact]
    public async Task A_cancel_gives_back_the_money_and_the_coupon()
    {
        var coupon = await IssueAsync("issue-1");
        await PlaceAsync("order-1", 5_000, coupon);

        var commit = await CancelAsync("order-1");

        commit.Result.Receipt!.Status.Should().Be(OrderStatus.Cancelled);
        commit.Result.Receipt.BalanceAfterCancel.Should().Be(10_000);
        (await BalanceAsync()).Should().Be(10_000);
        (await coupons.LoadActiveAsync(Kid)).Select(c => c.WalletCouponId).Should().Equal(coupon.WalletCouponId);
    }

    [Fact]
    public async Task A_coupon_whose_time_passed_meanwhile_does_not_come_back_usable()
    {
        var coupon = await IssueAsync("issue-2", expiresAt: Now.AddSeconds(30));
        await PlaceAsync("order-2", 5_000, coupon);

        await CancelAsync("order-2");

        (await coupons.LoadActiveAsync(Kid)).Should().BeEmpty();
        (await BalanceAsync()).Should().Be(10_000);
    }

    [Fact]
    public async Task Concurrent_cancels_and_orders_refund_once_and_never_overdraw()
    {
        await PlaceAsync("first", 4_000);

        var results = await Task.WhenAll(
            Enumerable.Range(0, 6).Select(i => Task.Run(() => PlaceAsync($"race-{i}", 2_500)))
                .Concat(Enumerable.Range(0, 4).Select(_ => Task.Run(async () => (await CancelAsync("first")).Result))));

        var placed = results.Count(r => r.Receipt?.OrderKey.StartsWith("race-", StringComparison.Ordinal) == true);
        results.Count(r => r.Receipt?.OrderKey == "first" && !r.Duplicate).Should().Be(1);
        (await BalanceAsync()).Should().Be(10_000 - placed * 2_500);
    }

    [Fact]
    public async Task Past_its_window_or_once_accepted_an_order_cannot_be_cancelled()
    {
        await PlaceAsync("late", 4_000);
        await PlaceAsync("accepted", 1_000);
        await PlaceAsync("cancelled", 1_000);

        var late = await CancelAsync("late", Now + Window);
        var accepted = await orders.AcceptAsync(Kid, "accepted", Now.AddMinutes(1));
        var cancelAccepted = await CancelAsync("accepted");
        await CancelAsync("cancelled");
        var acceptCancelled = await orders.AcceptAsync(Kid, "cancelled", Now.AddMinutes(1));

        late.Result.Error.Should().Be(OrderErrors.OrderAccepted);
        (await orders.FindAsync(Kid, "late"))!.Status.Should().Be(OrderStatus.Accepted);
        accepted.Receipt!.Status.Should().Be(OrderStatus.Accepted);
        cancelAccepted.Result.Error.Should().Be(OrderErrors.OrderAccepted);
        acceptCancelled.Error.Should().Be(OrderErrors.OrderCancelled);
        (await CancelAsync("nothing")).Result.Error.Should().Be(OrderErrors.UnknownOrder);
        (await BalanceAsync()).Should().Be(5_000);
        (await orders.FindLastAsync(Kid))!.OrderKey.Should().Be("cancelled");
    }
}
