namespace HybridSpa.Web.Tests.Infrastructure;

/// <summary>
/// A reverse proxy that terminates TLS, as an HttpMessageHandler: its client asks for the public origin, and the request goes
/// over plain HTTP to the app's loopback address carrying what nginx sends (Host, X-Forwarded-Proto, -Host and -For).
/// </summary>
public sealed class ReverseProxyHandler(Uri upstream, ProxyHeaders headers)
    : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var requested = request.RequestUri!;
        request.RequestUri = new Uri(upstream, requested.PathAndQuery);
        request.Headers.Host = headers.Host ?? requested.Authority;
        request.Headers.Add("X-Forwarded-Proto", requested.Scheme);
        request.Headers.Add("X-Forwarded-Host", headers.ForwardedHost ?? requested.Authority);
        request.Headers.Add("X-Forwarded-For", headers.ClientAddress);
        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>
/// What <see cref="ReverseProxyHandler"/> sends besides the public scheme: <paramref name="Host"/> (null: the public host, as
/// nginx's <c>proxy_set_header Host $host</c>; else e.g. the upstream's address, nginx's default), <paramref name="ForwardedHost"/>
/// (null: the public host; else a value a client forged and the proxy passed on), and the client's address.
/// </summary>
public sealed record ProxyHeaders(string? Host = null, string? ForwardedHost = null, string ClientAddress = ProxyHeaders.Client)
{
    /// <summary>The browser's address, as the proxy saw it (TEST-NET-3).</summary>
    public const string Client = "203.0.113.7";
}
