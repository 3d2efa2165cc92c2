using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Naviyam.Chat;
using Naviyam.IntegrationTests.Reliability;
using Xunit.Abstractions;

namespace Naviyam.IntegrationTests.Faults;

/// <summary>
/// The database stopped, then frozen, under a MySQL-mode gateway: every turn meanwhile is a 503 with
/// <c>Retry-After</c> and the code <c>unavailable</c> (REST) or an <c>unavailable</c> hub error, answered within the
/// call timeout and never a 500; once the database is back the service answers again by itself; and every turn that
/// was acknowledged is stored.
/// </summary>
[Trait("Category", "Fault")]
[Collection(FaultCollection.Name)]
public class DatabaseOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_stopped_or_frozen_database_gives_fast_503s_and_the_service_recovers_by_itself()
    {
        await using var factory = await FaultyDatabaseFactory.CreateAsync(new Dictionary<string, string?>
        {
            ["Naviyam:Data:GenerateShops"] = "50",
            ["Naviyam:Gateway:Resilience:CallTimeout"] = "00:00:03",
            ["Naviyam:Gateway:Resilience:MinimumThroughput"] = "4",
            ["Naviyam:Gateway:Resilience:BreakDuration"] = "00:00:01",
            ["Naviyam:Storage:ConnectTimeout"] = "00:00:02",
        });
        using var client = await factory.ClientForAsync("outage-user");
        var acknowledged = new List<string>();
        var turn = 0;
        async Task<(HttpStatusCode Status, TimeSpan Took, HttpResponseMessage Response)> SendAsync()
        {
            var id = $"turn-{++turn}";
            var clock = Stopwatch.StartNew();
            var response = await client.PostAsJsonAsync("/api/chat", new { sessionId = "outage-session", text = "배고파", turnId = id });
            if (response.StatusCode == HttpStatusCode.OK)
            {
                acknowledged.Add(id);
            }
            return (response.StatusCode, clock.Elapsed, response);
        }
        // Warm up: the first turns load models and activate grains, which on a busy machine may outlast the short timeout.
        var warmUp = Stopwatch.StartNew();
        while (acknowledged.Count < 3 && warmUp.Elapsed < TimeSpan.FromSeconds(60))
        {
            (await SendAsync()).Response.Dispose();
        }
        acknowledged.Should().HaveCount(3);

        var report = new List<string>();
        foreach (var (fault, apply) in new (string, Action)[] { ("stop", factory.Proxy.Stop), ("freeze", factory.Proxy.Freeze) })
        {
            apply();
            var during = new List<(HttpStatusCode Status, TimeSpan Took)>();
            for (var i = 0; i < 10; i++)
            {
                var (status, took, response) = await SendAsync();
                during.Add((status, took));
                if (status == HttpStatusCode.ServiceUnavailable)
                {
                    response.Headers.RetryAfter.Should().NotBeNull();
                    (await response.Content.ReadAsStringAsync()).Should().Contain("\"code\":\"unavailable\"");
                }
                response.Dispose();
            }
            await using var hub = await factory.HubForAsync("outage-hub-user");
            var hubCall = () => hub.InvokeAsync<ChatReply>("SendMessage", new { sessionId = "outage-hub-session", text = "배고파" });
            var hubError = (await hubCall.Should().ThrowAsync<HubException>()).Which.Message;

            factory.Proxy.Resume();
            var healing = Stopwatch.StartNew();
            while ((await SendAsync()).Status != HttpStatusCode.OK)
            {
                healing.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), $"the service recovers by itself after the {fault}");
                await Task.Delay(200);
            }
            var recovery = healing.Elapsed;

            report.Add($"{fault}: {during.Count(d => d.Status == HttpStatusCode.ServiceUnavailable)} of {during.Count} turns 503, slowest {during.Max(d => d.Took).TotalSeconds:F2} s, "
                + $"first {during[0].Took.TotalSeconds:F2} s, last {during[^1].Took.TotalSeconds:F2} s; answering again {recovery.TotalSeconds:F2} s after the database was back");
            during.Should().OnlyContain(d => d.Status == HttpStatusCode.ServiceUnavailable, fault);
            during.Should().OnlyContain(d => d.Took < CallTimeout + TimeSpan.FromSeconds(2), fault);
            hubError.Should().Contain(ErrorContractTests.HubErrorCode("unavailable"));
        }
        report.ForEach(output.WriteLine);

        foreach (var id in acknowledged)
        {
            (await factory.Database.CountAsync("SELECT COUNT(*) FROM conversations WHERE session_id = 'outage-session' AND turn_id = @t", ("@t", id)))
                .Should().Be(1, $"acknowledged {id} is stored");
        }
        output.WriteLine($"{acknowledged.Count} acknowledged turns, all stored");
    }
}
