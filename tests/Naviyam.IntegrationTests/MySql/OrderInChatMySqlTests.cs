using Microsoft.Extensions.DependencyInjection;
using Naviyam.IntegrationTests.Infrastructure;
using Naviyam.Logging;

namespace Naviyam.IntegrationTests.MySql;

/// <summary>The same gateway in MySQL mode on a fresh database, with the generated city seeded into its tables.</summary>
public sealed class MySqlOrderCityFactory() : MySqlGatewayFactory(OrderInChatScenario.Noon, OrderInChatScenario.CitySettings());

/// <summary>Ordering in the chat and cancelling, on MariaDB: orders, refunds and coupons in the spec's tables.</summary>
public class OrderInChatMySqlTests(MySqlOrderCityFactory factory) : OrderInChatScenario(factory), IClassFixture<MySqlOrderCityFactory>
{
    [Fact]
    public async Task A_proposal_and_a_receipt_are_journaled_so_a_recovered_session_still_knows_them()
    {
        using var client = await ReadyAsync("demo-4", 30_000);
        var proposal = await ProposeAsync(client, "demo-4", "chat-order-journal");
        var placed = await SayAsync(client, "demo-4", "chat-order-journal", "응");

        var journaled = await factory.Services.GetRequiredService<ITurnJournal>().RecentAsync("chat-order-journal", 2);

        journaled[0].Reply.PendingOrder.Should().BeEquivalentTo(proposal.PendingOrder);
        journaled[0].Reply.Card!.Balance.Should().Be(proposal.Card!.Balance);
        journaled[1].Reply.Order!.OrderKey.Should().Be(placed.Order!.OrderKey);
        journaled[1].Reply.Action.Should().Be("order_placed");
        (await factory.Database.CountAsync(
            "SELECT COUNT(*) FROM product_orders WHERE user_id = 'demo-4' AND order_key = @key AND status = 'PLACED'",
            ("@key", placed.Order.OrderKey))).Should().Be(1);
    }
}
