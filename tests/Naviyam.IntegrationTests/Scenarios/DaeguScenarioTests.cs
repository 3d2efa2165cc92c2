using Microsoft.Extensions.DependencyInjection;
using Naviyam.Catalog;
using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Scenarios;

/// <summary>Daegu's list in the national standard layout, with weekday hours including overnight ones.</summary>
public sealed class DaeguFactory() : GatewayFactory(DaeguScenarios.Afternoon, DaeguScenarios.Settings);

public sealed class DaeguMySqlFactory() : MySqlGatewayFactory(DaeguScenarios.Afternoon, DaeguScenarios.Settings);

public class DaeguScenarioTests(DaeguFactory factory) : DaeguScenarios(factory), IClassFixture<DaeguFactory>;

public class DaeguMySqlScenarioTests(DaeguMySqlFactory factory) : DaeguScenarios(factory), IClassFixture<DaeguMySqlFactory>;

public abstract class DaeguScenarios(GatewayFactory factory)
{
    public static readonly DateTime Afternoon = new(2025, 9, 3, 15, 0, 0);

    public static Dictionary<string, string?> Settings => new()
    {
        ["Naviyam:Import:0"] = "national:" + SharedData.File("real", "daegu", "daegu_mealcard_merchants_2022.csv"),
    };

    [Theory]
    [InlineData(2025, 9, 3, 15, 0)]
    [InlineData(2025, 9, 4, 3, 0)]
    public async Task Bunsik_now_names_shops_known_to_be_open_and_none_known_to_be_closed(int year, int month, int day, int hour, int minute)
    {
        var now = new DateTime(year, month, day, hour, minute, 0);
        factory.SetSeoulTime(now);
        using var client = await factory.ClientForAsync("daegu-kid");

        var reply = await client.ChatAsync("daegu-kid", $"daegu-{hour}", "지금 분식 먹을 데");

        var catalog = factory.Services.GetRequiredService<IShopCatalog>();
        var openness = reply.Recommendations.Select(r =>
        {
            catalog.TryGet(r.ShopId, out var shop).Should().BeTrue();
            return shop.Hours?.IsOpenAt(now.DayOfWeek, now.Hour * 60 + now.Minute);
        }).ToList();
        openness.Should().Contain(true, "at least one recommended shop must be known to be open");
        openness.Should().NotContain(false, "a shop known to be closed must never be recommended");
    }
}
