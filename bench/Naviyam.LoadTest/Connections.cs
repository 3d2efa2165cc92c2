using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Naviyam.Bench;

namespace Naviyam.LoadTest;

/// <summary>
/// 10,000 SignalR connections held open on the chat hub. The clients live in a child process (its own file
/// descriptors, its own heap), so the gateway's memory is measured alone.
/// </summary>
public static class Connections
{
    public static async Task<ResultFile> ServerAsync(int count, TimeSpan maxTime)
    {
        var result = Scenarios.NewResult("connections");
        result.Settings["connections"] = count.ToString(CultureInfo.InvariantCulture);
        result.Settings["fd_limit"] = FdLimit();
        await using var host = await GatewayHost.StartAsync(BenchInputs.SiloSettings(3_000, 100));
        var baseline = MemorySnapshot.Take();

        var (file, prefix) = SelfCommand();
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in prefix.Concat(["connect-clients", "--url", host.BaseAddress.ToString(), "--count",
                     count.ToString(CultureInfo.InvariantCulture), "--max-seconds", ((int)maxTime.TotalSeconds).ToString(CultureInfo.InvariantCulture)]))
        {
            start.ArgumentList.Add(argument);
        }
        using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the client process.");
        try
        {
            string? line;
            string? summary = null;
            using var timeout = new CancellationTokenSource(maxTime);
            while ((line = await child.StandardOutput.ReadLineAsync(timeout.Token)) is not null)
            {
                Console.WriteLine($"  [clients] {line}");
                if (line.StartsWith("CONNECTED", StringComparison.Ordinal))
                {
                    summary = line;
                    break;
                }
            }
            var connected = summary is null ? 0 : int.Parse(Field(summary, "ok"), CultureInfo.InvariantCulture);
            var connectSeconds = summary is null ? 0 : double.Parse(Field(summary, "seconds"), CultureInfo.InvariantCulture);
            var held = MemorySnapshot.Take();
            var perConnection = connected > 0 ? (double)(held.HeapBytes - baseline.HeapBytes) / connected : 0;
            result.Figures.Add(new Figure
            {
                Group = "memory",
                Name = $"{connected:N0} SignalR connections held open on /hubs/chat",
                Count = connected,
                Errors = summary is null ? count : int.Parse(Field(summary, "failed"), CultureInfo.InvariantCulture),
                Throughput = connectSeconds > 0 ? connected / connectSeconds : null,
                ThroughputUnit = "connects/s",
                Extra =
                {
                    ["heap_bytes_per_connection"] = perConnection,
                    ["rss_bytes_per_connection"] = connected > 0 ? (double)(held.WorkingSetBytes - baseline.WorkingSetBytes) / connected : 0,
                    ["rss_mib"] = held.WorkingSetBytes / 1048576.0,
                    ["heap_mib"] = held.HeapBytes / 1048576.0,
                    ["committed_mib"] = held.CommittedBytes / 1048576.0,
                    ["baseline_rss_mib"] = baseline.WorkingSetBytes / 1048576.0,
                    ["connect_seconds"] = connectSeconds,
                },
                Note = summary is null ? "The client process reported no summary." : Field(summary, "error", optional: true),
            });
            Console.WriteLine($"  {connected:N0} connections: RSS {held.WorkingSetBytes / 1048576.0:N0} MiB, {perConnection:N0} heap bytes each");
        }
        finally
        {
            try
            {
                await child.StandardInput.WriteLineAsync("STOP");
                await child.StandardInput.FlushAsync();
            }
            catch (IOException)
            {
                // The child is already gone.
            }
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await child.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                child.Kill(entireProcessTree: true);
            }
        }
        return Scenarios.Finish(result);
    }

    /// <summary>The child: signs in <paramref name="count"/> users, connects each, reports, holds until told or timed out.</summary>
    public static async Task<int> ClientsAsync(Uri url, int count, TimeSpan maxTime)
    {
        var watch = Stopwatch.StartNew();
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        var connections = new HubConnection?[count];
        var next = -1;
        var failed = 0;
        string? firstError = null;

        async Task Worker()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count && watch.Elapsed < maxTime / 2)
            {
                try
                {
                    using var response = await http.PostAsJsonAsync("/api/auth/dev-token", new { userId = $"conn-u{i}" });
                    response.EnsureSuccessStatusCode();
                    var token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!.Token;
                    var connection = TurnLoad.Connection(url, "/hubs/chat", token);
                    await connection.StartAsync();
                    connections[i] = connection;
                }
                catch (Exception ex)
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstError, ex.GetType().Name + ": " + ex.Message.ReplaceLineEndings(" "), null);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(Worker)));
        var ok = connections.Count(c => c is not null);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CONNECTED ok={ok} failed={count - ok} seconds={watch.Elapsed.TotalSeconds:0.00} error={firstError ?? "none"}"));

        var stop = Console.In.ReadLineAsync();
        await Task.WhenAny(stop, Task.Delay(maxTime - watch.Elapsed > TimeSpan.Zero ? maxTime - watch.Elapsed : TimeSpan.Zero));
        await Task.WhenAll(connections.Where(c => c is not null).Select(c => c!.DisposeAsync().AsTask()));
        return 0;
    }

    private sealed record TokenResponse(string Token);

    private static string Field(string line, string name, bool optional = false)
    {
        var marker = name + "=";
        var start = line.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return optional ? "" : "0";
        }
        start += marker.Length;
        if (name == "error")
        {
            return line[start..];
        }
        var end = line.IndexOf(' ', start);
        return end < 0 ? line[start..] : line[start..end];
    }

    /// <summary>How to start this program again: the apphost, or <c>dotnet</c> with this assembly.</summary>
    private static (string File, string[] Prefix) SelfCommand()
    {
        var processPath = Environment.ProcessPath ?? "dotnet";
        var assembly = typeof(Connections).Assembly.Location;
        return Path.GetFileNameWithoutExtension(processPath) == "dotnet" ? (processPath, [assembly]) : (processPath, []);
    }

    private static string FdLimit()
    {
        try
        {
            var line = File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
            return line is null ? "n/a" : string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(3).Take(2)) + " (soft hard)";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
