using HybridSpa.EntraEmulator;
using HybridSpa.Web.Http;
using Microsoft.Identity.Web;

namespace HybridSpa.Web.Emulator;

/// <summary>Hosts the local Entra ID emulator beside the app, so <c>dotnet run</c> needs no tenant.</summary>
public static class EmbeddedEmulatorExtensions
{
    /// <summary>
    /// In Development, when <c>AzureAd:Instance</c> points at a <c>*.localhost</c> host, hosts the emulator there
    /// (<see cref="EmbeddedEmulator"/>) and lets the identity-provider and Graph HttpClients reach it. A real tenant in
    /// <c>AzureAd</c> means no emulator: configuration only.
    /// </summary>
    public static WebApplicationBuilder AddEmbeddedEntraEmulator(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Environment.IsDevelopment()
            || !Uri.TryCreate(builder.Configuration[$"{Constants.AzureAd}:Instance"], UriKind.Absolute, out var instance)
            || !IsEmulatorHost(instance))
        {
            return builder;
        }

        // Registered before the server (WebApplication starts hosted services first), so no request arrives before it listens.
        builder.Services.AddSingleton<EmbeddedEmulator>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<EmbeddedEmulator>());
        builder.Services.AddHttpClient(HttpClientNames.IdentityProvider).ConfigurePrimaryHttpMessageHandler(CreateHandler);
        builder.Services.AddHttpClient(HttpClientNames.Graph).ConfigurePrimaryHttpMessageHandler(CreateHandler);
        return builder;
    }

    // An emulator's host name: *.localhost, not the app's own localhost.
    private static bool IsEmulatorHost(Uri instance) =>
        !instance.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase) && EntraEmulatorConnectivity.IsLoopbackName(instance.Host);

    private static HttpMessageHandler CreateHandler(IServiceProvider provider) => provider.GetRequiredService<EmbeddedEmulator>().CreateHttpHandler();
}
