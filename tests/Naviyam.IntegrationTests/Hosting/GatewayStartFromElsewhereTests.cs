using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
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
        var port = Loopback.FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = elsewhere.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(binaries, "Naviyam.Gateway.dll"),
            $"--Naviyam:Import:0=jeju:{Path.GetRelativePath(elsewhere.FullName, restricted)}",
            $"--Urls=http://127.0.0.1:{port}",
            $"--Naviyam:Silo:SiloPort={Loopback.FreePort()}",
            $"--Naviyam:Silo:GatewayPort={Loopback.FreePort()}",
        })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Logging__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }
        using var process = Process.Start(start)!;
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            var health = await WaitForHealthAsync(client, process, log);
            using var token = await client.PostAsJsonAsync("/api/auth/dev-token", new { userId = "quiet-1" });
            client.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());
            using var turn = await client.PostAsJsonAsync("/api/chat", new { sessionId = "quiet-session", text = "배고픈데 5천원밖에 없어" });
            turn.EnsureSuccessStatusCode();
            // The watchdog checks every few seconds; give it time to complain if it would.
            await Task.Delay(TimeSpan.FromSeconds(12));

            var text = Snapshot(log);
            health.GetProperty("entries").GetProperty("merchant-sources").GetProperty("data").GetProperty("jeju").GetInt32()
                .Should().Be(43, "the import's relative path is read from the folder the gateway was started in");
            text.Should().Contain($"Content root path: {binaries}", "the gateway's files are beside its binaries");
            text.Should().NotContain("info: Orleans", "appsettings.json sets Orleans to Warning (the default would log its start at Information)");
            text.Should().NotContain("info: Microsoft.AspNetCore", "appsettings.json sets ASP.NET Core to Warning");
            text.Should().NotContain("Polly").And.NotContain("Watchdog");
            text.Should().NotContainAny(["warn:", "fail:", "crit:"]);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            elsewhere.Delete(recursive: true);
        }
    }

    private static string Snapshot(StringBuilder log)
    {
        lock (log)
        {
            return log.ToString();
        }
    }

    private static async Task<JsonElement> WaitForHealthAsync(HttpClient client, Process process, StringBuilder log)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The gateway exited with {process.ExitCode}:\n{Snapshot(log)}");
            }
            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return await response.Content.ReadFromJsonAsync<JsonElement>();
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"The gateway was not ready within 3 minutes:\n{Snapshot(log)}");
    }
}
