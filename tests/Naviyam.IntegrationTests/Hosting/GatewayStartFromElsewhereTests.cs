using System.Net.Http.Json;
using System.Text.Json;
using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Hosting;

/// <summary>
/// The built gateway started as an operator would (<c>dotnet Naviyam.Gateway.dll</c>) from an unrelated folder: its
/// appsettings.json beside the binaries is read, a relative import path means the folder it was started in, and a
/// normal start and a turn log no warning at all (no Polly lines, no Orleans watchdog complaints).
/// </summary>
public class GatewayStartFromElsewhereTests
{
    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    [Fact]
    public async Task Started_from_another_folder_it_reads_its_own_settings_resolves_paths_from_there_and_starts_quietly()
    {
        var binaries = Path.Combine(SharedData.RepositoryRoot, "src", "Gateway", "bin", Configuration, "net10.0");
        var restricted = SharedData.File("real", "jeju", "jeju_mealcard_shops_restricted.csv");
        var elsewhere = Directory.CreateTempSubdirectory("naviyam-cwd-");
        // Another process may take a free port between our check and the gateway's bind: start again on new ports then.
        var (gateway, client, health) = await StartAsync(binaries, elsewhere.FullName, restricted);
        try
        {
            using var token = await client.PostAsJsonAsync("/api/auth/dev-token", new { userId = "quiet-1" });
            client.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());
            using var turn = await client.PostAsJsonAsync("/api/chat", new { sessionId = "quiet-session", text = "배고픈데 5천원밖에 없어" });
            turn.EnsureSuccessStatusCode();
            // The watchdog checks every few seconds; give it time to complain if it would.
            await Task.Delay(TimeSpan.FromSeconds(12));

            var log = gateway.Output;
            health.GetProperty("entries").GetProperty("merchant-sources").GetProperty("data").GetProperty("jeju").GetInt32()
                .Should().Be(43, "the import's relative path is read from the folder the gateway was started in");
            log.Should().Contain($"Content root path: {binaries}", "the gateway's files are beside its binaries");
            log.Should().NotContain("info: Orleans", "appsettings.json sets Orleans to Warning (the default would log its start at Information)");
            log.Should().NotContain("info: Microsoft.AspNetCore", "appsettings.json sets ASP.NET Core to Warning");
            log.Should().NotContain("Polly").And.NotContain("Watchdog");
            log.Should().NotContainAny(["fail:", "crit:"]);
            // Orleans' scheduler warns of a slow turn when the machine is starved (other test hosts at once): a symptom of
            // load, not of the start. Any other warning is noise this test forbids.
            log.Split('\n').Where(line => line.StartsWith("warn:", StringComparison.Ordinal))
                .Where(line => !line.StartsWith("warn: Orleans.Runtime.Scheduler.", StringComparison.Ordinal))
                .Should().BeEmpty();
        }
        finally
        {
            client.Dispose();
            await gateway.StopAsync();
            gateway.Dispose();
            elsewhere.Delete(recursive: true);
        }
    }

    private static async Task<(HostProcess Gateway, HttpClient Client, JsonElement Health)> StartAsync(string binaries, string elsewhere, string restricted)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = Loopback.FreePort();
            var gateway = HostProcess.StartDotnet(elsewhere,
            [
                Path.Combine(binaries, "Naviyam.Gateway.dll"),
                $"--Naviyam:Import:0=jeju:{Path.GetRelativePath(elsewhere, restricted)}",
                $"--Urls=http://127.0.0.1:{port}",
                $"--Naviyam:Silo:SiloPort={Loopback.FreePort()}",
                $"--Naviyam:Silo:GatewayPort={Loopback.FreePort()}",
            ], environment =>
            {
                environment["ASPNETCORE_ENVIRONMENT"] = "Development";
                // Only the gateway's own settings decide what is logged.
                foreach (var key in environment.Keys.Where(k => k.StartsWith("Logging__", StringComparison.Ordinal)).ToList())
                {
                    environment.Remove(key);
                }
            });
            var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
            try
            {
                return (gateway, client, await gateway.WaitForHealthAsync(client, "/health/ready", TimeSpan.FromMinutes(3)));
            }
            catch (InvalidOperationException) when (attempt < 3 && gateway.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                client.Dispose();
                await gateway.StopAsync();
                gateway.Dispose();
            }
        }
    }
}
