using Naviyam.Coupons;
using Naviyam.Orders;

namespace Naviyam.IntegrationTests.MySql;

/// <summary>
/// The order store on a real MariaDB, called directly and concurrently: this is what stands between two overlapping
/// card-grain activations (or any bug above the store) and a double spend, so it is tested without the grain's help.
/// </summary>
public sealed class CheckoutTransactionTests : OrderStoreFixture
{
    [Fact]
    public async Task An_order_writes_its_row_the_debit_and_the_used_coupon_in_one_commit()
    {
        var coupon = await IssueAsync("issue-1");

        var commit = await Orders.PlaceAsync(Placement("order-1", 5_000, coupon));

        var receipt = commit.Result.Receipt!;
        receipt.Paid.Should().Be(4_000);
        receipt.Discount.Should().Be(1_000);
        receipt.BalanceAfter.Should().Be(6_000);
        commit.Account!.Balance.Should().Be(6_000);
        (await BalanceAsync()).Should().Be(6_000);
        (await Database.CountAsync(
            "SELECT COUNT(*) FROM product_orders o JOIN foodcard_ledger l ON l.id = o.foodcard_ledger_id "
            + "WHERE o.order_key = 'order-1' AND o.price = 4000 AND o.order_amount = 5000 AND o.discount_amount = 1000 "
            + "AND l.amount = -4000 AND l.balance_after = 6000 AND l.idempotency_key = 'order:order-1'")).Should().Be(1);
        (await Database.CountAsync(
            "SELECT COUNT(*) FROM user_coupon_wallet w JOIN product_orders o ON o.id = w.used_order_id "
            + "WHERE w.id = @id AND w.status = 'USED' AND w.discount_applied = 1000 AND w.used_order_amount = 5000",
            ("@id", coupon.WalletCouponId))).Should().Be(1);
        (await Orders.FindAsync(Kid, "order-1")).Should().BeEquivalentTo(receipt, o => o.Excluding(r => r.PlacedAt));
    }

    [Fact]
    public async Task A_coupon_used_meanwhile_rolls_back_the_debit_and_the_order_it_already_wrote()
    {
        var coupon = await IssueAsync("issue-2");
        // Used by another order after the caller read its wallet: the store finds out at its last step.
        await Database.ExecuteAsync($"UPDATE user_coupon_wallet SET status = 'USED', usage_date = UTC_TIMESTAMP(6) WHERE id = {coupon.WalletCouponId}");

        var commit = await Orders.PlaceAsync(Placement("order-2", 5_000, coupon));

        commit.Result.Error.Should().Be(OrderErrors.CouponNotUsable);
        (await BalanceAsync()).Should().Be(10_000);
        (await Database.CountAsync("SELECT COUNT(*) FROM product_orders")).Should().Be(0);
        (await Database.CountAsync("SELECT COUNT(*) FROM foodcard_ledger")).Should().Be(0);
        (await Database.CountAsync("SELECT version FROM foodcard_users WHERE user_id = 'kid-1'")).Should().Be(0);
    }

    [Fact]
    public async Task An_expired_coupon_is_not_usable_and_nothing_is_written()
    {
        var coupon = await IssueAsync("issue-3", expiresAt: Now.AddSeconds(-1));

        var commit = await Orders.PlaceAsync(Placement("order-3", 5_000, coupon));

        commit.Result.Error.Should().Be(OrderErrors.CouponNotUsable);
        (await Database.CountAsync("SELECT COUNT(*) FROM product_orders")).Should().Be(0);
        (await BalanceAsync()).Should().Be(10_000);
    }

    [Fact]
    public async Task The_same_order_key_twice_even_at_once_is_one_order_and_one_debit()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Orders.PlaceAsync(Placement("same-key", 3_000)))));
        var later = await Orders.PlaceAsync(Placement("same-key", 3_000));

        results.Should().OnlyContain(r => r.Result.Receipt != null);
        results.Count(r => !r.Result.Duplicate).Should().Be(1);
        later.Result.Duplicate.Should().BeTrue();
        results.Select(r => r.Result.Receipt!.OrderId).Append(later.Result.Receipt!.OrderId).Distinct().Should().ContainSingle();
        (await Database.CountAsync("SELECT COUNT(*) FROM product_orders")).Should().Be(1);
        (await Database.CountAsync("SELECT COUNT(*) FROM foodcard_ledger")).Should().Be(1);
        (await BalanceAsync()).Should().Be(7_000);
    }

    [Fact]
    public async Task Of_concurrent_orders_with_one_coupon_exactly_one_uses_it()
    {
        var coupon = await IssueAsync("issue-4");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => Orders.PlaceAsync(Placement($"race-{i}", 5_000, coupon)))));

        results.Count(r => r.Result.Receipt != null).Should().Be(1);
        results.Where(r => r.Result.Receipt == null).Should().OnlyContain(r => r.Result.Error == OrderErrors.CouponNotUsable);
        (await Database.CountAsync("SELECT COUNT(*) FROM product_orders")).Should().Be(1);
        (await Database.CountAsync("SELECT COUNT(*) FROM foodcard_ledger")).Should().Be(1);
        (await BalanceAsync()).Should().Be(6_000);
    }

    [Fact]
    public async Task Concurrent_orders_beyond_the_balance_never_overdraw_it()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => Orders.PlaceAsync(Placement($"spend-{i}", 3_000)))));

        results.Count(r => r.Result.Receipt != null).Should().Be(3);
        results.Where(r => r.Result.Receipt == null).Should().OnlyContain(r => r.Result.Error == OrderErrors.InsufficientBalance);
        (await BalanceAsync()).Should().Be(1_000);
        (await Database.CountAsync("SELECT -SUM(amount) FROM foodcard_ledger")).Should().Be(9_000);
        (await Database.CountAsync("SELECT MIN(balance_after) FROM foodcard_ledger")).Should().Be(1_000);
    }

    [Fact]
    public async Task Expiry_marks_only_active_rows_that_are_due()
    {
        var due = await IssueAsync("issue-5", expiresAt: Now.AddMinutes(-1));
        var later = await IssueAsync("issue-6", expiresAt: Now.AddDays(1));
        var used = await IssueAsync("issue-7", expiresAt: Now.AddMinutes(-1));
        await Database.ExecuteAsync($"UPDATE user_coupon_wallet SET status = 'USED', usage_date = UTC_TIMESTAMP(6) WHERE id = {used.WalletCouponId}");

        var expired = await Coupons.ExpireDueAsync(Kid, Now);

        expired.Should().Equal(due.WalletCouponId);
        (await Coupons.LoadActiveAsync(Kid)).Select(c => c.WalletCouponId).Should().Equal(later.WalletCouponId);
        (await Database.CountAsync("SELECT COUNT(*) FROM user_coupon_wallet WHERE status = 'USED'")).Should().Be(1);
    }

    [Fact]
    public async Task Issuing_with_the_same_key_returns_the_first_copy()
    {
        var first = await Coupons.IssueAsync(new CouponGrant(Kid, MealCardCoupon.Id, "once", "test", null, Now));
        var second = await Coupons.IssueAsync(new CouponGrant(Kid, MealCardCoupon.Id, "once", "test", null, Now));

        first.Created.Should().BeTrue();
        second.Created.Should().BeFalse();
        second.Coupon.WalletCouponId.Should().Be(first.Coupon.WalletCouponId);
        second.Coupon.Coupon.Should().BeEquivalentTo(MealCardCoupon);
    }

    [Fact]
    public async Task A_coupon_row_with_lists_this_service_cannot_read_is_switched_off_not_widened()
    {
        await Database.ExecuteAsync("""
            INSERT INTO coupons (id, coupon_name, discount_amount, usage_type, target_categories, applicable_shops) VALUES
                ('SPEC-SHOPS', '가게 쿠폰', 500, 'ALL', NULL, '[1, 2, 3]'),
                ('ODD-CATEGORY', '이상한 분류 쿠폰', 500, 'ALL', '["우주식"]', NULL),
                ('MIXED', '분식 쿠폰', 500, 'ALL', '["분식", "우주식"]', NULL)
            """);

        (await Coupons.FindCouponAsync("SPEC-SHOPS"))!.IsActive.Should().BeFalse();
        (await Coupons.FindCouponAsync("ODD-CATEGORY"))!.IsActive.Should().BeFalse();
        var mixed = (await Coupons.FindCouponAsync("MIXED"))!;
        mixed.IsActive.Should().BeTrue();
        mixed.TargetCategories.Should().Equal(Naviyam.Shops.FoodCategory.Bunsik);
    }
}
