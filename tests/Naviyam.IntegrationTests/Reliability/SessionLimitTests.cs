using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Naviyam.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Naviyam.IntegrationTests.Reliability;

/// <summary>A gateway where a user may open 5 sessions an hour and an idle session leaves memory after 4 s.</summary>
public sealed class SessionLimitFactory() : GatewayFactory(new DateTime(2025, 9, 3, 12, 0, 0), new Dictionary<string, string?>
{
    ["Naviyam:Data:GenerateShops"] = "50",
    ["Naviyam:Sessions:MaxNewSessionsPerUser"] = "5",
    ["Naviyam:Sessions:DeactivateAfterIdle"] = "00:00:04",
});

/// <summary>
/// One token cannot open sessions without end (the next new one is 429 <c>session_limit</c>, its open ones go on),
/// and idle sessions leave memory after <c>Naviyam:Sessions:DeactivateAfterIdle</c>.
/// </summary>
public class SessionLimitTests(SessionLimitFactory factory, ITestOutputHelper output) : IClassFixture<SessionLimitFactory>
{
    [Fact]
    public async Task A_user_past_the_session_limit_gets_429_for_a_new_session_and_keeps_the_open_ones()
    {
        using var client = await factory.ClientForAsync("many-sessions");
        using var other = await factory.ClientForAsync("one-session");
        for (var i = 1; i <= 5; i++)
        {
            await client.ChatAsync("many-sessions", $"many-{i}", "안녕");
        }

        using var refused = await client.PostAsJsonAsync("/api/chat", new { sessionId = "many-6", text = "안녕" });
        var goesOn = await client.ChatAsync("many-sessions", "many-1", "배고파");
        var untouched = await other.ChatAsync("one-session", "one-1", "배고파");

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.Should().NotBeNull();
        (await refused.Content.ReadAsStringAsync()).Should().Contain("\"code\":\"session_limit\"");
        goesOn.Reply.Should().NotBeNullOrWhiteSpace();
        untouched.Reply.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Idle_sessions_leave_memory_after_the_configured_time()
    {
        const int Users = 60;
        var clients = new List<HttpClient>();
        for (var u = 0; u < Users; u++)
        {
            clients.Add(await factory.ClientForAsync($"idle-user-{u}"));
        }
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        await Parallel.ForEachAsync(Enumerable.Range(0, Users), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (u, _) =>
        {
            for (var s = 0; s < 5; s++)
            {
                await clients[u].ChatAsync($"idle-user-{u}", $"idle-{u}-{s}", "배고파");
            }
        });
        var active = await SessionActivationsAsync();
        var heapActive = GC.GetTotalMemory(forceFullCollection: true);

        var clock = Stopwatch.StartNew();
        while (await SessionActivationsAsync() > 0 && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(250);
        }
        var left = await SessionActivationsAsync();
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"sessions {Users * 5}: activations {active} -> {left} in {clock.Elapsed.TotalSeconds:F1} s; managed heap {heapBefore / 1024 / 1024} -> {heapActive / 1024 / 1024} -> {heapAfter / 1024 / 1024} MB");
        clients.ForEach(c => c.Dispose());

        active.Should().BeGreaterThanOrEqualTo(Users * 5);
        left.Should().Be(0);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15), "idle 4 s plus a sweep every 2 s");
    }

    private async Task<int> SessionActivationsAsync()
    {
        var statistics = await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.Contains("ConversationGrain", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }
}
