using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Naviyam.IntegrationTests.Infrastructure;

/// <summary>
/// A real silo in its own process (<c>src/Silo</c>'s build output), for the cluster tests: several silos and a
/// gateway client joining through the membership table in MariaDB.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly System.Text.StringBuilder output = new();

    private SiloProcess(Process process, Uri httpAddress, int siloPort)
    {
        this.process = process;
        HttpAddress = httpAddress;
        SiloPort = siloPort;
    }

    public Uri HttpAddress { get; }

    /// <summary>The port of the silo's address in the cluster (<c>SiloAddress.Endpoint.Port</c>): which grains it hosts.</summary>
    public int SiloPort { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <param name="environment">The ASP.NET Core environment the silo runs in (Development unless a test says otherwise).</param>
    public static async Task<SiloProcess> StartAsync(IDictionary<string, string> settings, string environment = "Development")
    {
        // Another process on the machine may still take a port between our check and the silo's bind; a silo that
        // lost that race is started again on new ports rather than failing the test.
        for (var attempt = 1; ; attempt++)
        {
            var silo = Launch(settings, environment);
            try
            {
                await silo.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
                return silo;
            }
            catch (InvalidOperationException) when (attempt < 3 && silo.Output.Contains("AddressInUseException", StringComparison.Ordinal))
            {
                await silo.DisposeAsync();
            }
            catch
            {
                await silo.DisposeAsync();
                throw;
            }
        }
    }

    private static SiloProcess Launch(IDictionary<string, string> settings, string environment)
    {
        var httpPort = Loopback.FreePort();
        var siloPort = Loopback.FreePort();
        // The silo listens on its port plus its instance number (SiloOptions).
        var instance = settings.TryGetValue("Naviyam:Silo:Instance", out var configured) ? int.Parse(configured, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var arguments = new List<string> { SiloAssembly() };
        arguments.AddRange(settings.Select(pair => $"--{pair.Key}={pair.Value}"));
        arguments.Add($"--Naviyam:Silo:SiloPort={siloPort}");
        arguments.Add($"--Naviyam:Silo:GatewayPort={Loopback.FreePort()}");
        arguments.Add($"--Urls=http://127.0.0.1:{httpPort}");

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var silo = new SiloProcess(process, new Uri($"http://127.0.0.1:{httpPort}"), siloPort + instance);
        process.OutputDataReceived += (_, e) => silo.Append(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>A graceful stop (SIGTERM): the silo leaves the cluster the way an operator's restart would.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited)
        {
            return;
        }
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    /// <summary><c>kill -9</c>: the process ends at once, leaving the cluster nothing but broken connections.</summary>
    public void KillHard() => process.Kill();

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan limit)
    {
        using var client = new HttpClient { BaseAddress = HttpAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The silo exited with {process.ExitCode}:\n{Output}");
            }
            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The silo was not healthy within {limit}:\n{Output}");
    }

    /// <summary>The silo built in the same configuration as these tests.</summary>
    internal static string SiloAssembly()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(SharedData.RepositoryRoot, "src", "Silo", "bin", testBin.Parent!.Name, testBin.Name, "Naviyam.Silo.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the solution first: {path} is missing.", path);
    }

}
