using System.Net;
using System.Net.Sockets;
using MySqlConnector;

namespace Naviyam.IntegrationTests.Infrastructure;

/// <summary>
/// A loopback TCP proxy in front of the test MariaDB that a test can break the way a database breaks, without
/// touching the server other tests share: <see cref="Stop"/> drops every connection and refuses new ones (a stopped
/// or crashed server), <see cref="Freeze"/> keeps connections open but moves no byte (a server under SIGSTOP, a
/// network partition), <see cref="Resume"/> heals both.
/// </summary>
public sealed class TcpFaultProxy : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly IPEndPoint target;
    private readonly CancellationTokenSource closing = new();
    private readonly List<(TcpClient Client, TcpClient Server)> pairs = [];
    private readonly Task accepting;
    private volatile bool stopped;
    private volatile TaskCompletionSource thawed = Thawed();

    private TcpFaultProxy(IPEndPoint target)
    {
        this.target = target;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>A proxy in front of the server a connection string names; <see cref="Route"/> rewrites that string to go through it.</summary>
    public static TcpFaultProxy For(string connectionString)
    {
        var builder = new MySqlConnectionStringBuilder(connectionString);
        var address = IPAddress.Parse(builder.Server == "localhost" ? "127.0.0.1" : builder.Server);
        return new TcpFaultProxy(new IPEndPoint(address, (int)builder.Port));
    }

    public string Route(string connectionString) =>
        new MySqlConnectionStringBuilder(connectionString) { Server = "127.0.0.1", Port = (uint)Port }.ConnectionString;

    /// <summary>Drops every open connection and refuses new ones until <see cref="Resume"/>.</summary>
    public void Stop()
    {
        stopped = true;
        lock (pairs)
        {
            foreach (var (client, server) in pairs)
            {
                client.Client.LingerState = new LingerOption(true, 0);
                client.Dispose();
                server.Dispose();
            }
            pairs.Clear();
        }
    }

    /// <summary>Stops moving bytes either way; connections stay open and new ones are accepted but hang.</summary>
    public void Freeze()
    {
        if (thawed.Task.IsCompleted)
        {
            thawed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Resume()
    {
        stopped = false;
        thawed.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        closing.Cancel();
        listener.Stop();
        Resume();
        Stop();
        try
        {
            await accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        closing.Dispose();
    }

    private static TaskCompletionSource Thawed()
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.SetResult();
        return source;
    }

    private async Task AcceptAsync()
    {
        while (!closing.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(closing.Token);
            if (stopped)
            {
                client.Client.LingerState = new LingerOption(true, 0);
                client.Dispose();
                continue;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        var server = new TcpClient();
        try
        {
            await server.ConnectAsync(target, closing.Token);
            lock (pairs)
            {
                pairs.Add((client, server));
            }
            await Task.WhenAny(PumpAsync(client.GetStream(), server.GetStream()), PumpAsync(server.GetStream(), client.GetStream()));
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
        }
        finally
        {
            lock (pairs)
            {
                pairs.Remove((client, server));
            }
            client.Dispose();
            server.Dispose();
        }
    }

    private async Task PumpAsync(Stream from, Stream to)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            await thawed.Task.WaitAsync(closing.Token);
            var read = await from.ReadAsync(buffer, closing.Token);
            if (read == 0)
            {
                return;
            }
            // A freeze that began while this read waited holds the bytes read.
            await thawed.Task.WaitAsync(closing.Token);
            await to.WriteAsync(buffer.AsMemory(0, read), closing.Token);
        }
    }
}
