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
    public static ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ConnectToAsync(context.DnsEndPoint, cancellationToken);
    }

    private static async ValueTask<Stream> ConnectToAsync(DnsEndPoint endPoint, CancellationToken cancellationToken)
    {
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

    /// <summary>The host MSAL sends instance discovery to, whatever the authority (entra-protocol.md §2.1).</summary>
    public const string InstanceDiscoveryHost = "login.microsoftonline.com";

    /// <summary>A handler that connects <c>*.localhost</c> to loopback and, when <paramref name="trustedCertificate"/> is given, trusts exactly that server certificate.</summary>
    public static SocketsHttpHandler CreateHandler(X509Certificate2? trustedCertificate) => CreateHandler(trustedCertificate, emulatorPort: null);

    /// <summary>
    /// As <see cref="CreateHandler(X509Certificate2?)"/>, and with <paramref name="emulatorPort"/> also routes
    /// <see cref="InstanceDiscoveryHost"/> to the emulator on that loopback port, so MSAL's default instance discovery
    /// (which always asks login.microsoftonline.com) is answered by the emulator instead of the internet.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(X509Certificate2? trustedCertificate, int? emulatorPort)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        handler.ConnectCallback = emulatorPort is not { } port
            ? ConnectAsync
            : (context, ct) => context.DnsEndPoint.Host.Equals(InstanceDiscoveryHost, StringComparison.OrdinalIgnoreCase)
                ? ConnectToAsync(new DnsEndPoint("localhost", port), ct)
                : ConnectAsync(context, ct);
        if (trustedCertificate is not null)
        {
            var expected = trustedCertificate.RawData;
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(expected);
        }

        return handler;
    }
}
