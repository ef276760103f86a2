namespace HybridSpa.Web.Http;

/// <summary>Registers the named outgoing HttpClients.</summary>
public static class HttpClientsExtensions
{
    /// <summary>Adds the identity provider and Graph clients; hosts replace only their primary handler (e.g. to trust a local emulator).</summary>
    public static IServiceCollection AddHybridSpaHttpClients(this IServiceCollection services)
    {
        services.AddHttpClient(HttpClientNames.IdentityProvider, client =>
        {
            // Same backchannel limits as ASP.NET Core's remote handlers: a slow or huge IdP answer must not pin a request.
            client.Timeout = TimeSpan.FromSeconds(60);
            client.MaxResponseContentBufferSize = 10 * 1024 * 1024;
            client.DefaultRequestHeaders.UserAgent.ParseAdd("HybridSpa.Web/1.0");
        });
        services.AddHttpClient(HttpClientNames.Graph, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(30);
            client.DefaultRequestHeaders.UserAgent.ParseAdd("HybridSpa.Web/1.0");
        });
        return services;
    }
}
