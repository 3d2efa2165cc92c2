using System.Net;
using System.Net.Sockets;

namespace Naviyam.IntegrationTests.Infrastructure;

public static class Loopback
{
    /// <summary>A TCP port on 127.0.0.1 that is free right now, so parallel tests never share silo or HTTP ports.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
