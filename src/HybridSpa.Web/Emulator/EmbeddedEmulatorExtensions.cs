using HybridSpa.EntraEmulator;
using HybridSpa.Web.Configuration;
using HybridSpa.Web.FrontChannelLogout;
using HybridSpa.Web.Http;
using HybridSpa.Web.Routes;
using HybridSpa.Web.SpaHost;
using Microsoft.Identity.Web;

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
        if (!builder.Environment.IsDevelopment()
            || !Uri.TryCreate(builder.Configuration[$"{Constants.AzureAd}:Instance"], UriKind.Absolute, out var emulatorInstance)
            || !IsEmulatorHost(emulatorInstance))
        {
            return builder;
        }

        // The emulator starts before the container is built, so it resolves the sign-in settings from the section as Identity.Web reads it.
        var identityWeb = builder.Configuration.GetSection(Constants.AzureAd).Get<MicrosoftIdentityOptions>() ?? new MicrosoftIdentityOptions();
        var spa = builder.Configuration.GetSection(SpaOptions.SectionName).Get<SpaOptions>() ?? new SpaOptions();
        var settings = new EntraEmulatorHostSettings { Host = emulatorInstance.Host, Port = emulatorInstance.Port, EnvironmentName = builder.Environment.EnvironmentName };
        // Blocking here is deliberate: the app must not take a request before its identity provider listens.
        var host = EntraEmulatorHost.StartAsync(CreateOptions(builder.Configuration, identityWeb, SignInSettings.Resolve(identityWeb, spa)), settings).GetAwaiter().GetResult();

        builder.Services.AddHostedService(_ => new EmbeddedEmulatorLifetime(host));
        builder.Services.AddHttpClient(HttpClientNames.IdentityProvider).ConfigurePrimaryHttpMessageHandler(host.CreateHttpHandler);
        builder.Services.AddHttpClient(HttpClientNames.Graph).ConfigurePrimaryHttpMessageHandler(host.CreateHttpHandler);
        return builder;
    }

    /// <summary>True for an emulator's host name (<c>*.localhost</c>, not the app's own <c>localhost</c>).</summary>
    internal static bool IsEmulatorHost(Uri instance) =>
        !instance.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase) && EntraEmulatorConnectivity.IsLoopbackName(instance.Host);

    private static EntraEmulatorOptions CreateOptions(IConfiguration configuration, MicrosoftIdentityOptions identityWeb, SignInSettings signIn)
    {
        var options = EntraEmulatorOptions.FromConfiguration(configuration);
        options.TenantId = identityWeb.TenantId ?? options.TenantId;

        // A section without Applications (e.g. only Users) gets no registration here: the emulator's validator then names it.
        if (options.Applications is not [var application, ..])
        {
            return options;
        }

        application.ClientId = identityWeb.ClientId ?? application.ClientId;
        application.ClientSecrets = identityWeb.ClientSecret is { Length: > 0 } secret ? [secret] : application.ClientSecrets;
        application.WebRedirectUris = [signIn.WebRedirectUri];
        application.SpaRedirectUris = [signIn.SpaRedirectUri, signIn.PublicUri(SpaRoutes.SilentCallback)];
        application.PostLogoutRedirectUris = [signIn.PostLogoutRedirectUri];
        application.FrontChannelLogoutUrl = signIn.PublicUri(FrontChannelLogoutController.Path);
        return options;
    }
}
