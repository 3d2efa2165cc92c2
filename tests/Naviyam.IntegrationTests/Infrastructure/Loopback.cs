using System.Net;
using System.Net.Sockets;

namespace Naviyam.IntegrationTests.Infrastructure;

public static class Loopback
{
    private static readonly HashSet<int> HandedOut = [];
    private static readonly (int First, int Last) Range = ListeningRange();
    private static int next = Range.First + Random.Shared.Next(Range.Last - Range.First);

    /// <summary>
    /// A TCP port on 127.0.0.1 that is free right now and not handed to another test in this process.
    /// </summary>
    /// <remarks>
    /// The port is taken from below the kernel's ephemeral range: a port the kernel picked for us (port 0) is released
    /// before the silo binds it, and in that gap any outgoing connection (the tests open many to MariaDB and to each
    /// other) may be given the same port, so the silo fails with "address already in use".
    /// </remarks>
    public static int FreePort()
    {
        lock (HandedOut)
        {
            for (var attempt = 0; attempt < Range.Last - Range.First; attempt++)
            {
                var port = next;
                next = next >= Range.Last ? Range.First : next + 1;
                if (HandedOut.Contains(port) || !CanListenOn(port))
                {
                    continue;
                }
                HandedOut.Add(port);
                return port;
            }
        }
        throw new InvalidOperationException($"No free loopback port between {Range.First} and {Range.Last}.");
    }

    private static bool CanListenOn(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Ports below the ephemeral range (Linux: /proc/sys/net/ipv4/ip_local_port_range, 32768 by default).</summary>
    private static (int First, int Last) ListeningRange()
    {
        const string RangeFile = "/proc/sys/net/ipv4/ip_local_port_range";
        var ephemeralStart = 32768;
        if (File.Exists(RangeFile)
            && int.TryParse(File.ReadAllText(RangeFile).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var start))
        {
            ephemeralStart = start;
        }
        var last = ephemeralStart - 1;
        return (Math.Max(1024, last - 12_000), last);
    }
}
