using Naviyam.Coupons;
using Naviyam.Orders;

namespace Naviyam.IntegrationTests.MySql;

/// <summary>
/// Cancelling on a real MariaDB, called on the order store directly and concurrently, as checkout is tested: the store
/// alone must make a double refund impossible, whatever the grains above it do.
/// </summary>
public sealed class CancellationTransactionTests : OrderStoreFixture
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private async Task<OrderReceipt> PlaceAsync(string orderKey, int price, WalletCoupon? coupon = null)
    {
        var commit = await Orders.PlaceAsync(Placement(orderKey, price, coupon));
        return commit.Result.Receipt ?? throw new InvalidOperationException(commit.Result.Error);
    }

    private Task<OrderCommit> CancelAsync(string orderKey, DateTimeOffset? at = null) =>
        Orders.CancelAsync(new OrderCancellation(Kid, orderKey, at ?? Now.AddMinutes(1), Window));

    [Fact]
    public async Task A_cancel_gives_back_the_money_and_the_coupon_in_one_commit()
    {
        var coupon = await IssueAsync("issue-1");
        var placed = await PlaceAsync("order-1", 5_000, coupon);

        var commit = await CancelAsync("order-1");

        var receipt = commit.Result.Receipt!;
        receipt.Status.Should().Be(OrderStatus.Cancelled);
        receipt.BalanceAfterCancel.Should().Be(10_000);
        commit.Account!.Balance.Should().Be(10_000);
        (await BalanceAsync()).Should().Be(10_000);
        (await Database.CountAsync(
            "SELECT COUNT(*) FROM product_orders o JOIN foodcard_ledger r ON r.id = o.refund_ledger_id "
            + "WHERE o.order_key = 'order-1' AND o.status = 'CANCELLED' AND o.cancelled_at IS NOT NULL AND o.balance_after_cancel = 10000 "
            + "AND r.amount = 4000 AND r.balance_after = 10000 AND r.idempotency_key = 'cancel:order-1' AND r.reason = 'order_cancel'")).Should().Be(1);
        (await Coupons.LoadActiveAsync(Kid)).Select(c => c.WalletCouponId).Should().Equal(coupon.WalletCouponId);
        (await Database.CountAsync("SELECT COUNT(*) FROM user_coupon_wallet WHERE usage_date IS NULL AND used_order_id IS NULL AND status = 'ACTIVE'"))
            .Should().Be(1);
        (await Orders.FindAsync(Kid, "order-1"))!.Should().BeEquivalentTo(receipt, o => o.Excluding(r => r.PlacedAt).Excluding(r => r.CancelledAt));
        (await Orders.FindAsync(Kid, "order-1"))!.CouponName.Should().Be(MealCardCoupon.Name, "the order keeps its coupon after giving it back");
        placed.OrderId.Should().Be(receipt.OrderId);
    }

    [Fact]
    public async Task A_coupon_whose_time_passed_meanwhile_comes_back_expired()
    {
        var coupon = await IssueAsync("issue-2", expiresAt: Now.AddSeconds(30));
        await PlaceAsync("order-2", 5_000, coupon);

        await CancelAsync("order-2", Now.AddMinutes(1));

        (await Database.CountAsync($"SELECT COUNT(*) FROM user_coupon_wallet WHERE id = {coupon.WalletCouponId} AND status = 'EXPIRED'")).Should().Be(1);
        (await BalanceAsync()).Should().Be(10_000);
    }

    [Fact]
    public async Task Concurrent_cancels_of_one_order_refund_it_once()
    {
        var coupon = await IssueAsync("issue-3");
        await PlaceAsync("order-3", 6_000, coupon);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => CancelAsync("order-3"))));

        results.Should().OnlyContain(r => r.Result.Receipt != null && r.Result.Receipt.Status == OrderStatus.Cancelled);
        results.Count(r => !r.Result.Duplicate).Should().Be(1);
        (await BalanceAsync()).Should().Be(10_000);
        (await Database.CountAsync("SELECT COUNT(*) FROM foodcard_ledger WHERE amount > 0")).Should().Be(1);
        (await Coupons.LoadActiveAsync(Kid)).Should().ContainSingle();
    }

    [Fact]
    public async Task A_cancel_racing_new_orders_never_refunds_twice_nor_overdraws()
    {
        await PlaceAsync("first", 4_000);

        var racing = Enumerable.Range(0, 6)
            .Select(i => Task.Run(async () => (await Orders.PlaceAsync(Placement($"race-{i}", 2_500))).Result))
            .Concat(Enumerable.Range(0, 3).Select(_ => Task.Run(async () => (await CancelAsync("first")).Result)))
            .ToList();
        var results = await Task.WhenAll(racing);

        var placed = results.Count(r => r.Receipt?.OrderKey.StartsWith("race-", StringComparison.Ordinal) == true);
        results.Where(r => r.Receipt is null).Should().OnlyContain(r => r.Error == OrderErrors.InsufficientBalance);
        (await BalanceAsync()).Should().Be(10_000 - placed * 2_500);
        (await Database.CountAsync("SELECT COALESCE(SUM(amount), 0) FROM foodcard_ledger")).Should().Be(-placed * 2_500);
        (await Database.CountAsync("SELECT COUNT(*) FROM foodcard_ledger WHERE idempotency_key = 'cancel:first'")).Should().Be(1);
        (await Database.CountAsync("SELECT MIN(balance_after) FROM foodcard_ledger")).Should().BeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task Past_its_window_an_order_is_accepted_and_stays_paid()
    {
        await PlaceAsync("late", 4_000);

        var commit = await CancelAsync("late", Now + Window);

        commit.Result.Error.Should().Be(OrderErrors.OrderAccepted);
        (await BalanceAsync()).Should().Be(6_000);
        (await Database.CountAsync("SELECT COUNT(*) FROM product_orders WHERE order_key = 'late' AND status = 'ACCEPTED' AND accepted_at IS NOT NULL"))
            .Should().Be(1);
        (await CancelAsync("late")).Result.Error.Should().Be(OrderErrors.OrderAccepted, "accepted is final, even back inside the window");
    }

    [Fact]
    public async Task Accepting_and_cancelling_exclude_each_other()
    {
        await PlaceAsync("accepted", 3_000);
        await PlaceAsync("cancelled", 3_000);

        var accept = await Orders.AcceptAsync(Kid, "accepted", Now.AddMinutes(1));
        var acceptAgain = await Orders.AcceptAsync(Kid, "accepted", Now.AddMinutes(2));
        var cancelAccepted = await CancelAsync("accepted");
        await CancelAsync("cancelled");
        var acceptCancelled = await Orders.AcceptAsync(Kid, "cancelled", Now.AddMinutes(2));
        var unknown = await CancelAsync("nothing");

        accept.Receipt!.Status.Should().Be(OrderStatus.Accepted);
        acceptAgain.Duplicate.Should().BeTrue();
        cancelAccepted.Result.Error.Should().Be(OrderErrors.OrderAccepted);
        acceptCancelled.Error.Should().Be(OrderErrors.OrderCancelled);
        unknown.Result.Error.Should().Be(OrderErrors.UnknownOrder);
        (await BalanceAsync()).Should().Be(7_000);
        (await Orders.FindLastAsync(Kid))!.OrderKey.Should().Be("cancelled");
    }
}
