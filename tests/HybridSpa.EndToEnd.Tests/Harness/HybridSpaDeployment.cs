using System.Net;
using System.Net.Sockets;
using HybridSpa.EntraEmulator;
using HybridSpa.Web.Configuration;
using HybridSpa.Web.FrontChannelLogout;
using HybridSpa.Web.Http;
using HybridSpa.Web.Routes;
using HybridSpa.Web.SpaHost;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HybridSpa.EndToEnd.Tests.Harness;

/// <summary>
/// The product as a browser meets it: the web app on https://localhost:{port} (real Kestrel) and the emulator on
/// https://login.dev.localhost:{port} — two sites — both serving the run's test certificate. Scenarios that need
/// another directory, configuration or services set them at construction (a subclass, when xunit makes the fixture).
/// </summary>
public class HybridSpaDeployment : IAsyncLifetime, IAsyncDisposable
{
    private WebFactory? web;

    /// <summary>The emulator the app signs in with.</summary>
    public EntraEmulatorHost Emulator { get; private set; } = null!;

    /// <summary>The app's origin, e.g. https://localhost:41234.</summary>
    public Uri AppOrigin { get; private set; } = null!;

    /// <summary>App configuration over the harness's own, e.g. <c>AzureAd:WithSpaAuthCode=false</c> for the classic bootstrap.</summary>
    public IReadOnlyDictionary<string, string?> AppSettings { get; init; } = new Dictionary<string, string?>();

    /// <summary>App service registrations after the harness's own (benchmarks decorate services to measure them).</summary>
    public Action<IServiceCollection>? ConfigureAppServices { get; init; }

    /// <summary>Changes to the emulator's users and app registration before it starts (the defaults otherwise).</summary>
    public Action<EntraEmulatorOptions>? ConfigureEmulator { get; init; }

    /// <summary>When true, the emulator serves its control surface (revocations, authentication contexts): only in Development.</summary>
    public bool ControlSurface { get; init; }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var port = FreeLoopbackPort();
        AppOrigin = new Uri($"https://localhost:{port}/");
        Emulator = await EntraEmulatorHost.StartAsync(EmulatorOptionsFor(AppOrigin), new EntraEmulatorHostSettings
        {
            TlsCertificate = TestCertificate.Instance,
            EnvironmentName = ControlSurface ? "Development" : "Testing",
            EnableControlSurface = ControlSurface,
            ConfigureLogging = logging => logging.ClearProviders(),
        });

        web = new WebFactory(Emulator, AppOrigin, AppSettings, ConfigureAppServices);
        web.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(TestCertificate.Instance)));
        web.StartServer();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (web is not null)
        {
            await web.DisposeAsync();
        }

        await Emulator.DisposeAsync();
    }

    /// <inheritdoc />
    ValueTask IAsyncDisposable.DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return new(DisposeAsync());
    }

    private EntraEmulatorOptions EmulatorOptionsFor(Uri appOrigin)
    {
        var options = EntraEmulatorOptions.CreateDefault();
        var application = options.Applications[0];
        application.WebRedirectUris = [new Uri(appOrigin, "signin-oidc").AbsoluteUri];
        application.SpaRedirectUris = [appOrigin.AbsoluteUri, new Uri(appOrigin, SpaRoutes.SilentCallback).AbsoluteUri];
        application.PostLogoutRedirectUris = [new Uri(appOrigin, "signout-callback-oidc").AbsoluteUri];
        application.FrontChannelLogoutUrl = new Uri(appOrigin, FrontChannelLogoutController.Path).AbsoluteUri;
        ConfigureEmulator?.Invoke(options);
        return options;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class WebFactory(
        EntraEmulatorHost emulator, Uri appOrigin, IReadOnlyDictionary<string, string?> appSettings, Action<IServiceCollection>? configureAppServices)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");

            // The app runs from build output in a non-Development environment: its bundle's build-time compressed copies
            // (obj/…/compressed) are found through the static web assets manifest, which only Development loads by itself.
            builder.UseStaticWebAssets();
            builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureAd:Instance"] = emulator.BaseAddress.AbsoluteUri,
                ["AzureAd:TenantId"] = emulator.Options.TenantId,
                ["AzureAd:ClientId"] = DevelopmentDefaults.ClientId,
                ["AzureAd:ClientSecret"] = DevelopmentDefaults.ClientSecret,
                ["DownstreamApis:Graph:BaseUrl"] = emulator.GraphBaseUrl.AbsoluteUri,
                ["Spa:RedirectUri"] = appOrigin.AbsoluteUri,
                ["Logging:LogLevel:Default"] = "Warning",
            }).AddInMemoryCollection(appSettings));
            builder.ConfigureTestServices(services =>
            {
                services.AddHttpClient(HttpClientNames.IdentityProvider).ConfigurePrimaryHttpMessageHandler(emulator.CreateHttpHandler);
                services.AddHttpClient(HttpClientNames.Graph).ConfigurePrimaryHttpMessageHandler(emulator.CreateHttpHandler);
                configureAppServices?.Invoke(services);
            });
        }
    }
}
