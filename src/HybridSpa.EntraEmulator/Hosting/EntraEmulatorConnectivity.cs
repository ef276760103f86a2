using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace HybridSpa.EntraEmulator;

/// <summary>Lets .NET HttpClients reach the emulator: .NET does not resolve <c>*.localhost</c> (Chromium does), so connect those names to loopback.</summary>
public static class EntraEmulatorConnectivity
{
    /// <summary>True for "localhost" and any name under ".localhost" (RFC 6761 loopback names).</summary>
    public static bool IsLoopbackName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);

    /// <summary>A <see cref="SocketsHttpHandler.ConnectCallback"/> that connects <c>*.localhost</c> to 127.0.0.1 and everything else normally.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endPoint = context.DnsEndPoint;
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (IsLoopbackName(endPoint.Host))
            {
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, endPoint.Port), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            }

            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>A handler that connects <c>*.localhost</c> to loopback and, when <paramref name="trustedCertificate"/> is given, trusts exactly that server certificate.</summary>
    public static SocketsHttpHandler CreateHandler(X509Certificate2? trustedCertificate)
    {
        var handler = new SocketsHttpHandler { ConnectCallback = ConnectAsync, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (trustedCertificate is not null)
        {
            var expected = trustedCertificate.RawData;
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(expected);
        }

        return handler;
    }
}
