using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Scenarios;

/// <summary>The prototype's Gwanak-gu sample at 2025-09-03 12:00: no meal-card meal costs 5,000 won or less.</summary>
public sealed class GwanakFactory() : GatewayFactory(GwanakScenarios.Noon, GwanakScenarios.Settings);

public sealed class GwanakMySqlFactory() : MySqlGatewayFactory(GwanakScenarios.Noon, GwanakScenarios.Settings);

public class GwanakScenarioTests(GwanakFactory factory) : GwanakScenarios(factory), IClassFixture<GwanakFactory>;

public class GwanakMySqlScenarioTests(GwanakMySqlFactory factory) : GwanakScenarios(factory), IClassFixture<GwanakMySqlFactory>;

public abstract class GwanakScenarios(GatewayFactory factory)
{
    public static readonly DateTime Noon = new(2025, 9, 3, 12, 0, 0);

    public static Dictionary<string, string?> Settings => new()
    {
        ["Naviyam:Import:0"] = "peer:" + SharedData.File("peer", "restaurants_optimized.json"),
    };

    [Fact]
    public async Task Nothing_over_budget_is_recommended_and_the_cheapest_meal_card_meal_is_named_kindly()
    {
        using var client = await factory.ClientForAsync("gwanak-kid");

        var reply = await client.ChatAsync("gwanak-kid", "gwanak-1", "배고픈데 5천원밖에 없어");

        reply.Recommendations.Where(r => r.Price is null or > 5000).Should().BeEmpty();
        reply.Reply.Split('.')[0].Should().Contain("없어요", "the first sentence says that nothing fits");
        reply.Reply.Should().Contain("7,000원");
    }

    [Fact]
    public async Task Without_a_budget_the_sample_shops_are_recommended_with_their_real_menus()
    {
        using var client = await factory.ClientForAsync("gwanak-kid2");

        var reply = await client.ChatAsync("gwanak-kid2", "gwanak-2", "점심 뭐 먹지");

        reply.Recommendations.Should().NotBeEmpty();
        reply.Recommendations.Should().OnlyContain(r => r.MenuName != null && r.Price > 0);
    }
}
