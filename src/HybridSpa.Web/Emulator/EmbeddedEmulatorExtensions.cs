using HybridSpa.EntraEmulator;
using HybridSpa.Web.Configuration;
using HybridSpa.Web.FrontChannelLogout;
using HybridSpa.Web.Http;

namespace HybridSpa.Web.Emulator;

/// <summary>Hosts the local Entra ID emulator beside the app, so <c>dotnet run</c> needs no tenant.</summary>
public static class EmbeddedEmulatorExtensions
{
    /// <summary>
    /// In Development, when <c>AzureAd:Instance</c> points at a <c>*.localhost</c> host, starts the emulator there with an app
    /// registration made from this app's own configuration (client id, secret, redirect URIs), and lets the identity-provider
    /// and Graph HttpClients reach it. A real tenant in <c>AzureAd</c> means no emulator: configuration only.
    /// </summary>
    public static WebApplicationBuilder AddEmbeddedEntraEmulator(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var azureAd = builder.Configuration.GetSection(AzureAdOptions.SectionName).Get<AzureAdOptions>() ?? new AzureAdOptions();
        if (!builder.Environment.IsDevelopment() || !Uri.TryCreate(azureAd.Instance, UriKind.Absolute, out var emulatorInstance) || !IsEmulatorHost(emulatorInstance))
        {
            return builder;
        }

        var spa = builder.Configuration.GetSection(SpaOptions.SectionName).Get<SpaOptions>() ?? new SpaOptions();
        var settings = new EntraEmulatorHostSettings { Host = emulatorInstance.Host, Port = emulatorInstance.Port, EnvironmentName = builder.Environment.EnvironmentName };
        // Blocking here is deliberate: the app must not take a request before its identity provider listens.
        var host = EntraEmulatorHost.StartAsync(CreateOptions(builder.Configuration, azureAd, spa), settings).GetAwaiter().GetResult();

        builder.Services.AddHostedService(_ => new EmbeddedEmulatorLifetime(host));
        builder.Services.AddHttpClient(HttpClientNames.IdentityProvider).ConfigurePrimaryHttpMessageHandler(host.CreateHttpHandler);
        builder.Services.AddHttpClient(HttpClientNames.Graph).ConfigurePrimaryHttpMessageHandler(host.CreateHttpHandler);
        return builder;
    }

    /// <summary>True for an emulator's host name (<c>*.localhost</c>, not the app's own <c>localhost</c>).</summary>
    internal static bool IsEmulatorHost(Uri instance) =>
        !instance.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase) && EntraEmulatorConnectivity.IsLoopbackName(instance.Host);

    private static EntraEmulatorOptions CreateOptions(IConfiguration configuration, AzureAdOptions azureAd, SpaOptions spa)
    {
        var options = EntraEmulatorOptions.FromConfiguration(configuration);
        options.TenantId = azureAd.TenantId ?? options.TenantId;

        // A section without Applications (e.g. only Users) gets no registration here: the emulator's validator then names it.
        if (options.Applications is not [var application, ..])
        {
            return options;
        }

        application.ClientId = azureAd.ClientId ?? application.ClientId;
        application.ClientSecrets = azureAd.ClientSecret is { Length: > 0 } secret ? [secret] : application.ClientSecrets;
        application.WebRedirectUris = [PublicUris.WebRedirectUri(spa, azureAd)];
        application.SpaRedirectUris = [spa.RedirectUri!, PublicUris.SilentRedirectUri(spa)];
        application.PostLogoutRedirectUris = [PublicUris.PostLogoutRedirectUri(spa, azureAd)];
        application.FrontChannelLogoutUrl = spa.Origin + FrontChannelLogoutController.Path;
        return options;
    }
}
