using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Naviyam.Eval.Running;

/// <summary>
/// The product's gateway as a separate process on free loopback ports (HTTP, silo, silo gateway), in the Development
/// environment with the clock pinned. Stopping it ends that process and its children, nothing else.
/// </summary>
public sealed class ProductProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly StringBuilder _tail = new();

    private ProductProcess(Process process, StreamWriter log, Uri baseAddress, string logPath)
    {
        _process = process;
        _log = log;
        BaseAddress = baseAddress;
        LogPath = logPath;
    }

    public Uri BaseAddress { get; }

    public string LogPath { get; }

    /// <summary>Starts the gateway and waits until <c>/health</c> answers (the catalog is loaded before the silo starts).</summary>
    /// <exception cref="InvalidOperationException">The gateway exited or did not become healthy in time.</exception>
    public static async Task<ProductProcess> StartAsync(
        string gatewayDll, string workingDirectory, IEnumerable<string> configuration, string pinnedLocalTime, string logPath,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        var httpPort = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])
                 [
                     gatewayDll,
                     "--urls", $"http://127.0.0.1:{httpPort}",
                     $"--Naviyam:Silo:SiloPort={FreePort()}",
                     $"--Naviyam:Silo:GatewayPort={FreePort()}",
                     $"--Naviyam:Clock:PinnedLocalTime={pinnedLocalTime}",
                     "--Logging:LogLevel:Naviyam=Information",
                     // The quality set plays hundreds of users from one address in a few seconds: the product's per-user
                     // and per-address rate limits are for the public, not for its judge.
                     "--Naviyam:Limits:UserRequestsPerMinute=1000000",
                     "--Naviyam:Limits:Burst=1000000",
                     "--Naviyam:Limits:AnonymousRequestsPerMinute=1000000",
                     .. configuration,
                 ])
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";

        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        var log = new StreamWriter(logPath, append: false, Encoding.UTF8) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var product = new ProductProcess(process, log, new Uri($"http://127.0.0.1:{httpPort}/"), logPath);
        process.OutputDataReceived += (_, e) => product.Append(e.Data);
        process.ErrorDataReceived += (_, e) => product.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await product.WaitHealthyAsync(timeout, cancellationToken);
        }
        catch
        {
            await product.DisposeAsync();
            throw;
        }
        return product;
    }

    /// <summary>The last lines the gateway wrote, for error messages.</summary>
    public string Tail
    {
        get
        {
            lock (_tail)
            {
                return _tail.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        lock (_tail)
        {
            _log.Dispose();
        }
    }

    private async Task WaitHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The gateway exited with code {_process.ExitCode} before it was healthy. Its last lines:\n{Tail}");
            }
            try
            {
                using var response = await http.GetAsync("health", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Slow start.
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
        throw new InvalidOperationException($"The gateway was not healthy within {timeout.TotalSeconds:F0} s. Its last lines:\n{Tail}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_tail)
        {
            _log.WriteLine(line);
            _tail.AppendLine(line);
            if (_tail.Length > 8_000)
            {
                _tail.Remove(0, _tail.Length - 4_000);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
