using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Reliability;

/// <summary>The embedded default with a small generated city.</summary>
public sealed class SmallCityFactory() : GatewayFactory(new DateTime(2025, 9, 3, 12, 0, 0), new Dictionary<string, string?>
{
    ["Naviyam:Data:GenerateShops"] = "200",
    ["Naviyam:Data:GenerateUsers"] = "5",
});

/// <summary>
/// <c>/health/live</c> says whether the process answers; <c>/health/ready</c> whether a turn can be served (the silo
/// active, the models loaded, merchants served and, in MySQL mode, the database reachable); <c>/health</c> runs both.
/// </summary>
public class HealthEndpointTests(SmallCityFactory embedded) : IClassFixture<SmallCityFactory>
{
    [Fact]
    public async Task Embedded_live_and_ready_name_their_checks()
    {
        using var anonymous = new HttpClient { BaseAddress = embedded.BaseAddress };

        var (liveStatus, live) = await GetAsync(anonymous, "/health/live");
        var (readyStatus, ready) = await GetAsync(anonymous, "/health/ready");
        var (_, all) = await GetAsync(anonymous, "/health");

        liveStatus.Should().Be(HttpStatusCode.OK);
        Entries(live).Should().Equal("self");
        readyStatus.Should().Be(HttpStatusCode.OK);
        Entries(ready).Should().BeEquivalentTo(["silo", "models", "merchant-sources"]);
        ready.GetProperty("entries").GetProperty("silo").GetProperty("status").GetString().Should().Be("Healthy");
        ready.GetProperty("entries").GetProperty("models").GetProperty("data").GetProperty("nlu").GetString().Should().NotBe("rules-1");
        ready.GetProperty("entries").GetProperty("merchant-sources").GetProperty("data").GetProperty("generated").GetInt32().Should().BeGreaterThan(0);
        Entries(all).Should().BeEquivalentTo(["self", "silo", "models", "merchant-sources"]);
    }

    [Fact]
    public async Task In_mysql_mode_ready_follows_the_database_through_a_stop_and_a_freeze_while_live_stays_up()
    {
        await using var factory = await FaultyDatabaseFactory.CreateAsync(new Dictionary<string, string?> { ["Naviyam:Data:GenerateShops"] = "50" });
        using var anonymous = new HttpClient { BaseAddress = factory.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var (before, ready) = await GetAsync(anonymous, "/health/ready");
        before.Should().Be(HttpStatusCode.OK, ready.ToString());
        ready.GetProperty("entries").GetProperty("database").GetProperty("status").GetString().Should().Be("Healthy");

        factory.Proxy.Stop();
        var stopped = await TimeUntilAsync(anonymous, "/health/ready", HttpStatusCode.ServiceUnavailable);
        var (liveWhileStopped, _) = await GetAsync(anonymous, "/health/live");
        var (_, whileStopped) = await GetAsync(anonymous, "/health/ready");
        factory.Proxy.Resume();
        var recovered = await TimeUntilAsync(anonymous, "/health/ready", HttpStatusCode.OK);

        factory.Proxy.Freeze();
        var probe = Stopwatch.StartNew();
        var (frozenStatus, whileFrozen) = await GetAsync(anonymous, "/health/ready");
        var frozenAnswer = probe.Elapsed;
        factory.Proxy.Resume();
        var thawed = await TimeUntilAsync(anonymous, "/health/ready", HttpStatusCode.OK);

        stopped.Should().BeLessThan(TimeSpan.FromSeconds(5));
        liveWhileStopped.Should().Be(HttpStatusCode.OK);
        whileStopped.GetProperty("entries").GetProperty("database").GetProperty("status").GetString().Should().Be("Unhealthy");
        recovered.Should().BeLessThan(TimeSpan.FromSeconds(5));
        frozenStatus.Should().Be(HttpStatusCode.ServiceUnavailable);
        whileFrozen.GetProperty("entries").GetProperty("database").GetProperty("status").GetString().Should().Be("Unhealthy");
        frozenAnswer.Should().BeLessThan(TimeSpan.FromSeconds(5), "the probe gives up after its limit instead of hanging");
        thawed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static string[] Entries(JsonElement report) => [.. report.GetProperty("entries").EnumerateObject().Select(entry => entry.Name)];

    /// <summary>How long until <paramref name="path"/> answers <paramref name="status"/>; fails after 30 s.</summary>
    private static async Task<TimeSpan> TimeUntilAsync(HttpClient client, string path, HttpStatusCode status)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            using var response = await client.GetAsync(path);
            if (response.StatusCode == status)
            {
                return clock.Elapsed;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{path} did not answer {status} within 30 s.");
    }
}
