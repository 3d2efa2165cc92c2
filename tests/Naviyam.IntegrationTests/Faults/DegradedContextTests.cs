using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Naviyam.Cards;
using Naviyam.Coupons;
using Naviyam.IntegrationTests.Infrastructure;
using Naviyam.IntegrationTests.MySql;
using Naviyam.Profiles;
using Orleans.Runtime;
using Xunit.Abstractions;

namespace Naviyam.IntegrationTests.Faults;

/// <summary>
/// A turn whose user's profile, card or wallet lives on a silo that just died: the turn still answers, and
/// <c>reply.degraded</c> names exactly the parts it went without. Two real silo processes; membership is set to notice
/// the death slowly here (about 15 s) so that the parts stay unreachable while the turns are taken.
/// </summary>
[Trait("Category", "Fault")]
[Collection(FaultCollection.Name)]
public class DegradedContextTests(ITestOutputHelper output)
{
    private const int UsersPerBatch = 8;
    private const int MaxUsers = 48;

    /// <summary>Grain classes of the turn's context, by the name <c>reply.degraded</c> gives them.</summary>
    private static readonly (string Part, string GrainClass)[] ContextParts =
        [("profile", "ProfileGrain"), ("card", "FoodCardGrain"), ("wallet", "CouponWalletGrain")];

    [Fact]
    public async Task A_turn_whose_context_grains_died_with_their_silo_answers_and_names_what_it_went_without()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clusterId = "degraded-" + Guid.NewGuid().ToString("N")[..8];
        await using var first = await SiloProcess.StartAsync(SlowToDeclareDeath(ClusterTests.SiloSettings(database, clusterId, instance: 0)));
        await using var second = await SiloProcess.StartAsync(SlowToDeclareDeath(ClusterTests.SiloSettings(database, clusterId, instance: 1)));
        await using var gateway = ClusterTests.ClientGateway(database, clusterId);
        var grains = gateway.Services.GetRequiredService<IGrainFactory>();
        var clients = new Dictionary<string, HttpClient>();
        Dictionary<(string GrainClass, string Key), int> hosts;
        // A grain called from a grain is placed beside it; called from the gateway first, the user's profile, card and
        // wallet land on any silo. Users are taken until some keep a context part away from their conversation.
        do
        {
            var batch = clients.Count;
            for (var i = batch; i < batch + UsersPerBatch; i++)
            {
                var userId = $"degraded-user-{i}";
                clients[userId] = await gateway.ClientForAsync(userId);
                await Task.WhenAll(grains.GetGrain<IProfileGrain>(userId).GetAsync(), grains.GetGrain<IFoodCardGrain>(userId).GetSummaryAsync(),
                    grains.GetGrain<ICouponWalletGrain>(userId).GetActiveAsync());
                (await FirstTurnAsync(clients[userId], Session(userId))).DegradedParts().Should().BeEmpty("every part answers before the kill");
            }
            hosts = await HostsAsync(grains);
        }
        while (clients.Count < MaxUsers && !clients.Keys.Any(u => ContextParts.Any(p => hosts[(p.GrainClass, u)] != hosts[("ConversationGrain", Session(u))])));

        // The victim: the silo holding the most context parts of users whose conversation is on the other silo.
        var (victim, survivor) = new[] { (first, second), (second, first) }
            .MaxBy(pair => clients.Keys.Where(u => hosts[("ConversationGrain", Session(u))] == pair.Item2.SiloPort)
                .Sum(u => ContextParts.Count(p => hosts[(p.GrainClass, u)] == pair.Item1.SiloPort)));
        var expected = clients.Keys.Where(u => hosts[("ConversationGrain", Session(u))] == survivor.SiloPort)
            .ToDictionary(u => u, u => ContextParts.Where(p => hosts[(p.GrainClass, u)] == victim.SiloPort).Select(p => p.Part).ToList());
        expected.Values.Should().Contain(parts => parts.Count > 0, "some user on the surviving silo keeps a part on the victim");

        victim.KillHard();
        var turns = await Task.WhenAll(expected.Keys.Select(async userId =>
        {
            using var response = await clients[userId].PostAsJsonAsync("/api/chat", new { sessionId = Session(userId), text = "배고파", turnId = "after-kill" });
            return (UserId: userId, response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        foreach (var (userId, status, body) in turns)
        {
            output.WriteLine($"{userId}: {(int)status}, expected degraded [{string.Join(", ", expected[userId])}], body {body[..Math.Min(body.Length, 160)]}");
        }
        turns.Should().OnlyContain(t => t.StatusCode == HttpStatusCode.OK, "a missing context part degrades the turn, never fails it");
        foreach (var (userId, _, body) in turns)
        {
            var reply = JsonDocument.Parse(body).RootElement;
            reply.GetProperty("reply").GetString().Should().NotBeNullOrWhiteSpace();
            reply.DegradedParts().Should().Equal(expected[userId], $"{userId}'s reply names exactly the parts that lived on the dead silo");
        }
        output.WriteLine($"{turns.Length} turns after the kill, {turns.Count(t => expected[t.UserId].Count > 0)} of them degraded: "
            + string.Join("; ", expected.Where(e => e.Value.Count > 0).Select(e => $"{e.Key} [{string.Join(", ", e.Value)}]")));
    }

    private static string Session(string userId) => userId + "-session";

    /// <summary>A session's first turn, sent again under the same turn id after a 503 as a client does (a cold cluster on a busy machine is slow).</summary>
    private static async Task<JsonElement> FirstTurnAsync(HttpClient client, string sessionId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            using var response = await client.PostAsJsonAsync("/api/chat", new { sessionId, text = "점심 뭐 먹지", turnId = "first" });
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return JsonDocument.Parse(body).RootElement.Clone();
            }
            response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, body);
            DateTime.UtcNow.Should().BeBefore(deadline, "the cluster answers a first turn in the end");
            await Task.Delay(500);
        }
    }

    /// <summary>Notice a dead silo only after about 15 s, instead of the tuned 1–2 s, to hold the fault while the test looks.</summary>
    private static Dictionary<string, string> SlowToDeclareDeath(Dictionary<string, string> settings)
    {
        settings["Naviyam:Cluster:ProbeTimeout"] = "00:00:05";
        settings["Naviyam:Cluster:MaxProbeTimeout"] = "00:00:20";
        settings["Naviyam:Cluster:MissedProbesLimit"] = "3";
        return settings;
    }

    private static string ClassName(string grainType)
    {
        var type = grainType.Split(',')[0];
        return type[(type.LastIndexOf('.') + 1)..];
    }

    /// <summary>The silo port hosting each active grain, by grain class name and key.</summary>
    private static async Task<Dictionary<(string GrainClass, string Key), int>> HostsAsync(IGrainFactory grains)
    {
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics
            .Select(s => (GrainClass: ClassName(s.GrainType), Key: s.GrainId.Key.ToString()!, Port: s.SiloAddress.Endpoint.Port))
            .DistinctBy(s => (s.GrainClass, s.Key))
            .ToDictionary(s => (s.GrainClass, s.Key), s => s.Port);
    }
}

internal static class DegradedReplyExtensions
{
    public static List<string> DegradedParts(this JsonElement reply) =>
        reply.TryGetProperty("degraded", out var parts) && parts.ValueKind == JsonValueKind.Array ? [.. parts.EnumerateArray().Select(p => p.GetString()!)] : [];
}
