using System.Net;
using System.Net.Sockets;

namespace HybridSpa.Web.Tests.ScaleOut;

/// <summary>Ports for the throwaway servers: on 127.0.0.1 only, chosen by the OS so parallel runs never collide.</summary>
internal static class LoopbackPorts
{
    /// <summary>A port nothing listens on right now.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
