using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Naviyam.IntegrationTests.Infrastructure;
using Naviyam.Shops;
using Orleans.Runtime;

namespace Naviyam.IntegrationTests.MySql;

/// <summary>
/// Real silo processes on ADO.NET clustering in MariaDB, with the gateway as an Orleans client joining through the
/// same membership table.
/// </summary>
public class ClusterTests
{
    private static readonly DateTime Noon = new(2025, 9, 3, 12, 0, 0);

    [Fact]
    public async Task Two_silo_processes_and_a_gateway_client_form_one_cluster_that_serves_turns_on_both_silos()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clusterId = "cluster-" + Guid.NewGuid().ToString("N")[..8];
        await using var first = await SiloProcess.StartAsync(SiloSettings(database, clusterId, instance: 0));
        await using var second = await SiloProcess.StartAsync(SiloSettings(database, clusterId, instance: 1));
        await using var gateway = ClientGateway(database, clusterId);
        using var client = await gateway.ClientForAsync("cluster-user");

        (await database.CountAsync("SELECT COUNT(*) FROM OrleansMembershipTable WHERE DeploymentId = @c AND Status = 3", ("@c", clusterId)))
            .Should().Be(2, "both silo processes joined through the membership table");

        for (var i = 0; i < 24; i++)
        {
            var reply = await client.ChatAsync("cluster-user", $"cluster-session-{i}", "점심 뭐 먹지");
            reply.Reply.Should().NotBeNullOrWhiteSpace();
        }

        var management = gateway.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var statistics = await management.GetSimpleGrainStatistics();
        statistics.Where(s => s.GrainType.Contains("ConversationGrain", StringComparison.Ordinal) && s.ActivationCount > 0)
            .Select(s => s.SiloAddress).Distinct().Should().HaveCount(2, "sessions are placed on both silos");
    }

    [Fact]
    public async Task A_shop_changed_through_one_silo_reaches_the_catalog_of_the_other()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clusterId = "catalog-" + Guid.NewGuid().ToString("N")[..8];
        await using var first = await SiloProcess.StartAsync(SiloSettings(database, clusterId, instance: 0));
        await using var second = await SiloProcess.StartAsync(SiloSettings(database, clusterId, instance: 1));
        await using var gateway = ClientGateway(database, clusterId);
        var grains = gateway.Services.GetRequiredService<IGrainFactory>();
        var shopId = "peer:20";

        var shop = await grains.GetGrain<IShopGrain>(shopId).GetAsync();
        shop.Should().NotBeNull("the sample was imported at start");
        await grains.GetGrain<IShopGrain>(shopId).UpdateAsync(shop! with { Name = "백년카츠 새 이름" });

        foreach (var silo in new[] { first, second })
        {
            using var http = new HttpClient { BaseAddress = silo.HttpAddress };
            var deadline = DateTime.UtcNow.AddSeconds(30);
            string? name = null;
            while (DateTime.UtcNow < deadline)
            {
                name = (await http.GetFromJsonAsync<ShopRecord>($"/operator/catalog/shops/{Uri.EscapeDataString(shopId)}"))?.Name;
                if (name == "백년카츠 새 이름")
                {
                    break;
                }
                await Task.Delay(200);
            }
            name.Should().Be("백년카츠 새 이름", "every silo's catalog follows a change made on any silo");
        }
    }

    [Fact]
    public async Task A_sessions_slots_survive_a_silo_restart()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clusterId = "restart-" + Guid.NewGuid().ToString("N")[..8];

        await using (var silo = await SiloProcess.StartAsync(SiloSettings(database, clusterId, instance: 0)))
        {
            await using var gateway = ClientGateway(database, clusterId);
            using var client = await gateway.ClientForAsync("restart-user");
            var reply = await client.ChatAsync("restart-user", "restart-session", "만원 이하로 떡볶이 먹고 싶어");
            reply.Slots.GetProperty("budget").GetInt32().Should().Be(10000);
            await silo.StopAsync();
        }

        await using var restarted = await SiloProcess.StartAsync(SiloSettings(database, clusterId, instance: 1));
        await using var newGateway = ClientGateway(database, clusterId);
        using var newClient = await newGateway.ClientForAsync("restart-user");
        var next = await newClient.ChatAsync("restart-user", "restart-session", "매운 건 빼고");

        next.Slots.GetProperty("budget").GetInt32().Should().Be(10000, "the session's budget was kept across the restart");
        next.Slots.GetProperty("food_type").GetString().Should().Be("떡볶이");
    }

    internal static Dictionary<string, string> SiloSettings(TestDatabase database, string clusterId, int instance) => new()
    {
        ["Naviyam:Storage:Mode"] = "MySql",
        ["ConnectionStrings:Naviyam"] = database.ConnectionString,
        ["Naviyam:Silo:ClusterId"] = clusterId,
        ["Naviyam:Silo:Instance"] = instance.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Naviyam:Data:GenerateShops"] = "0",
        ["Naviyam:Data:GenerateUsers"] = "0",
        ["Naviyam:Import:0"] = "peer:" + SharedData.File("peer", "restaurants_optimized.json"),
        ["Naviyam:Catalog:RefreshInterval"] = "00:00:00.200",
    };

    internal static GatewayFactory ClientGateway(TestDatabase database, string clusterId) => new(Noon, new Dictionary<string, string?>
    {
        ["Naviyam:Gateway:CoHostSilo"] = "false",
        ["Naviyam:Storage:Mode"] = "MySql",
        ["ConnectionStrings:Naviyam"] = database.ConnectionString,
        ["Naviyam:Silo:ClusterId"] = clusterId,
    });
}
