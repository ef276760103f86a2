using System.Net.Sockets;

namespace HybridSpa.Web.Tests.Infrastructure;

/// <summary>How the identity provider fails while it is out.</summary>
public enum OutageKind
{
    None,
    RefusesConnections,
    Hangs,
}

/// <summary>Stands between the app and <see cref="IdentityProviderDouble"/>: passes calls through, or fails them the way a down IdP does.</summary>
public sealed class IdentityProviderOutage(IdentityProviderDouble idp) : DelegatingHandler(idp)
{
    private int _failedCalls;

    public OutageKind Kind { get; set; }

    /// <summary>When set, only calls to this host fail; the rest pass through.</summary>
    public string? OnlyHost { get; set; }

    /// <summary>Calls that reached the (down) identity provider: they stop once the circuit is open.</summary>
    public int FailedCalls => _failedCalls;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        switch (OnlyHost is null || string.Equals(request.RequestUri?.Host, OnlyHost, StringComparison.OrdinalIgnoreCase) ? Kind : OutageKind.None)
        {
            case OutageKind.RefusesConnections:
                Interlocked.Increment(ref _failedCalls);
                throw new HttpRequestException(
                    HttpRequestError.ConnectionError, "Connection refused (idp.test:443)", new SocketException((int)SocketError.ConnectionRefused));
            case OutageKind.Hangs:
                Interlocked.Increment(ref _failedCalls);
                await Task.Delay(Timeout.Infinite, cancellationToken);
                throw new OperationCanceledException(cancellationToken);
            default:
                return await base.SendAsync(request, cancellationToken);
        }
    }
}
