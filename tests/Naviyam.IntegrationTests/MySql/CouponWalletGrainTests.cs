using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Naviyam.Cards;
using Naviyam.Catalog;
using Naviyam.Coupons;
using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.MySql;

/// <summary>The card and wallet grains in MySQL mode: they load from the spec's tables and write through to them.</summary>
public class CouponWalletGrainTests
{
    private static readonly DateTime Noon = new(2025, 9, 3, 12, 0, 0);

    private static Dictionary<string, string?> Settings() => new()
    {
        ["Naviyam:Data:GenerateShops"] = "200",
        ["Naviyam:Data:GenerateUsers"] = "3",
        ["Naviyam:Silo:MinimumReminderPeriod"] = "00:00:01",
    };

    [Fact]
    public async Task Seeding_writes_the_coupon_catalog_and_wallets_after_their_users()
    {
        await using var factory = new MySqlGatewayFactory(Noon, Settings());
        _ = factory.BaseAddress;

        (await factory.Database.CountAsync("SELECT COUNT(*) FROM coupons WHERE coupon_name = '급식카드 전용 1,000원 할인' AND usage_type = 'FOODCARD'")).Should().Be(1);
        (await factory.Database.CountAsync("SELECT COUNT(*) FROM coupons WHERE JSON_CONTAINS(target_categories, '\"분식\"')")).Should().Be(1);
        (await factory.Database.CountAsync("SELECT COUNT(*) FROM user_coupon_wallet WHERE user_id = 'demo-1' AND status = 'ACTIVE'")).Should().Be(5);
        (await factory.Database.CountAsync("SELECT COUNT(*) FROM user_coupon_wallet w LEFT JOIN foodcard_users f ON f.user_id = w.user_id WHERE f.id IS NULL")).Should().Be(0);
    }

    [Fact]
    public async Task A_new_activation_reads_the_balance_and_wallet_from_the_tables()
    {
        await using var database = await TestDatabase.CreateAsync();
        long usedCoupon;
        int balanceAfter;
        await using (var before = new MySqlGatewayFactory(Noon, Settings(), database))
        {
            var grains = before.Services.GetRequiredService<IGrainFactory>();
            await grains.GetGrain<IFoodCardGrain>("demo-1").CreditAsync(40_000, "restart-top-up", "test_top_up");
            using var client = await before.ClientForAsync("demo-1");
            var meal = before.Services.GetRequiredService<IShopCatalog>().MealAtLeast(5_000);
            usedCoupon = (await client.CouponsAsync()).Single(c => c.CouponId == "MEALCARD-1000").WalletCouponId;
            using var order = await client.OrderAsync("restart-order", meal, walletCouponId: usedCoupon);
            order.StatusCode.Should().Be(HttpStatusCode.Created);
            balanceAfter = (await order.Content.ReadFromJsonAsync<WireReceipt>())!.BalanceAfter;
        }
        // While no silo runs, an operator adds a coupon copy straight into the table.
        await database.ExecuteAsync(
            "INSERT INTO user_coupon_wallet (user_id, coupon_id, issue_key, status, acquisition_source) VALUES ('demo-1', 'BUNSIK-10', 'operator-1', 'ACTIVE', 'operator')");

        await using var after = new MySqlGatewayFactory(Noon, Settings(), database);
        using var again = await after.ClientForAsync("demo-1");
        var card = await again.CardAsync();
        var coupons = await again.CouponsAsync();

        card.Balance.Should().Be(balanceAfter);
        (await database.CountAsync("SELECT balance FROM foodcard_users WHERE user_id = 'demo-1'")).Should().Be(balanceAfter);
        coupons.Should().NotContain(c => c.WalletCouponId == usedCoupon);
        coupons.Count(c => c.CouponId == "BUNSIK-10").Should().Be(2);
    }

    [Fact]
    public async Task Concurrent_orders_through_the_api_use_a_coupon_once()
    {
        await using var factory = new MySqlGatewayFactory(Noon, Settings());
        await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IFoodCardGrain>("demo-2").CreditAsync(60_000, "race-top-up", "test_top_up");
        using var client = await factory.ClientForAsync("demo-2");
        var meal = factory.Services.GetRequiredService<IShopCatalog>().MealAtLeast(5_000);
        var coupon = (await client.CouponsAsync()).Single(c => c.CouponId == "MEALCARD-1000");

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => client.OrderAsync($"api-race-{i}", meal, walletCouponId: coupon.WalletCouponId)));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).Should().Be(4);
        (await factory.Database.CountAsync("SELECT COUNT(*) FROM user_coupon_wallet WHERE id = @id AND status = 'USED'", ("@id", coupon.WalletCouponId))).Should().Be(1);
        (await factory.Database.CountAsync("SELECT COUNT(*) FROM product_orders WHERE user_id = 'demo-2'")).Should().Be(1);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task The_expiry_reminder_marks_the_row_expired_and_then_goes_away()
    {
        await using var factory = new MySqlGatewayFactory(Noon, Settings());
        var wallet = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ICouponWalletGrain>("expiry-kid");

        var issued = await wallet.IssueAsync("BUNSIK-10", "expiry-issue-1", "test", factory.Clock.UtcNow.AddSeconds(2));
        // The product clock moves past the expiry; the reminder itself runs on the real clock, due in about 2 s.
        factory.Clock.UtcNow += TimeSpan.FromMinutes(1);

        issued.Coupon.Should().NotBeNull();
        var id = ("@id", (object)issued.Coupon!.WalletCouponId);
        (await factory.Database.CountAsync("SELECT COUNT(*) FROM OrleansRemindersTable WHERE ReminderName = 'coupon-expiry' AND GrainId LIKE '%expiry-kid%'")).Should().Be(1);
        var deadline = DateTime.UtcNow.AddSeconds(40);
        while (DateTime.UtcNow < deadline
               && await factory.Database.CountAsync("SELECT COUNT(*) FROM user_coupon_wallet WHERE id = @id AND status = 'EXPIRED'", id) == 0)
        {
            await Task.Delay(250);
        }
        (await factory.Database.CountAsync("SELECT COUNT(*) FROM user_coupon_wallet WHERE id = @id AND status = 'EXPIRED'", id)).Should().Be(1);
        (await wallet.GetActiveAsync()).Should().BeEmpty();
        while (DateTime.UtcNow < deadline
               && await factory.Database.CountAsync("SELECT COUNT(*) FROM OrleansRemindersTable WHERE ReminderName = 'coupon-expiry' AND GrainId LIKE '%expiry-kid%'") > 0)
        {
            await Task.Delay(250);
        }
        (await factory.Database.CountAsync("SELECT COUNT(*) FROM OrleansRemindersTable WHERE ReminderName = 'coupon-expiry' AND GrainId LIKE '%expiry-kid%'"))
            .Should().Be(0, "no coupon is left to expire");
    }
}
