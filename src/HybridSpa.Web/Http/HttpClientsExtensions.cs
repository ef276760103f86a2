namespace HybridSpa.Web.Http;

/// <summary>Registers the named outgoing HttpClients.</summary>
public static class HttpClientsExtensions
{
    /// <summary>Adds the identity provider and Graph clients; hosts replace only their primary handler (e.g. to trust a local emulator).</summary>
    public static IServiceCollection AddHybridSpaHttpClients(this IServiceCollection services)
    {
        services.AddHttpClient(HttpClientNames.IdentityProvider, client =>
        {
            // The resilience pipeline's timeout (IdentityProvider:Timeout) is the one limit, so its circuit breaker sees every timeout.
            client.Timeout = Timeout.InfiniteTimeSpan;

            // Same response limit as ASP.NET Core's remote handlers: a huge IdP answer must not pin a request.
            client.MaxResponseContentBufferSize = 10 * 1024 * 1024;
            client.DefaultRequestHeaders.UserAgent.ParseAdd("HybridSpa.Web/1.0");
        });
        services.AddHttpClient(HttpClientNames.Graph, client =>
        {
            // The resilience pipeline's timeout (GraphExtensions) is the one limit, so a slow Graph fails as Graph's failure.
            client.Timeout = Timeout.InfiniteTimeSpan;
            client.DefaultRequestHeaders.UserAgent.ParseAdd("HybridSpa.Web/1.0");
        });
        return services;
    }
}
