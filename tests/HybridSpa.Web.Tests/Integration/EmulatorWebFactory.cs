using HybridSpa.EntraEmulator;
using HybridSpa.Web.Emulator;
using HybridSpa.Web.Http;
using HybridSpa.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HybridSpa.Web.Tests.Integration;

/// <summary>
/// The web app wired to a real in-process emulator instead of the hostile doubles: configuration points at the emulator,
/// and the identity-provider and Graph HttpClients reach it through <see cref="EntraEmulatorHost.CreateHttpHandler"/>.
/// Inherits the test web root (bundle manifest) and the SameSite-aware <see cref="Browser"/> of <see cref="HybridSpaFactory"/>.
/// </summary>
public sealed class EmulatorWebFactory : HybridSpaFactory
{
    private readonly EntraEmulatorHost _emulator;

    public EmulatorWebFactory(EntraEmulatorHost emulator)
    {
        _emulator = emulator;
        Settings["AzureAd:Instance"] = emulator.BaseAddress.AbsoluteUri;
        Settings["AzureAd:TenantId"] = DevelopmentDefaults.TenantId;
        Settings["AzureAd:ClientId"] = DevelopmentDefaults.ClientId;
        Settings["AzureAd:ClientSecret"] = DevelopmentDefaults.ClientSecret;
        Settings["DownstreamApis:Graph:BaseUrl"] = emulator.GraphBaseUrl.AbsoluteUri;
        Settings["Spa:RedirectUri"] = TestSettings.Origin + "/";
    }

    /// <summary>When set, receives every log entry of the app at every level (see <see cref="LogCapture"/>).</summary>
    public LogCapture? Logs { get; init; }

    /// <summary>When set, records the scheme, host and client address the app settled on for each request.</summary>
    public RequestsSeen? Requests { get; init; }

    /// <summary>When true, <see cref="Logs"/> receives what the app's own configuration lets through, as an operator sees it.</summary>
    public bool LogLevelsAsShipped { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (Requests is { } requests)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(requests));
        }

        if (Logs is { } logs)
        {
            // Trace for every category, as an operator would set it; the app's own floors in code still apply.
            foreach (var category in LogLevelsAsShipped ? [] : new[] { "Default", "Microsoft", "Microsoft.AspNetCore", "System", "Npgsql", "Microsoft.Identity.Web.TokenAcquisition" })
            {
                builder.UseSetting($"Logging:LogLevel:{category}", "Trace");
            }

            builder.ConfigureLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        }

        // Registered after the base class's doubles, so the emulator's handler is the primary handler that wins.
        builder.ConfigureTestServices(services =>
        {
            services.AddHttpClient(HttpClientNames.IdentityProvider).ConfigurePrimaryHttpMessageHandler(_emulator.CreateHttpHandler);
            services.AddHttpClient(HttpClientNames.Graph).ConfigurePrimaryHttpMessageHandler(_emulator.CreateHttpHandler);
        });
    }
}

/// <summary>One emulator (free port) and one web app configured against it, shared by a test class.</summary>
public sealed class EmulatorWebFixture : IAsyncLifetime
{
    public EntraEmulatorHost Emulator { get; private set; } = null!;

    public EmulatorWebFactory Web { get; private set; } = null!;

    /// <summary><c>https://login.dev.localhost:{port}/{tenant}/oauth2/v2.0/authorize</c>.</summary>
    public string AuthorizeEndpoint => AuthorizeEndpointOf(Emulator);

    public string TokenEndpoint => $"{Emulator.Authority}oauth2/v2.0/token";

    public string EndSessionEndpoint => $"{Emulator.Authority}oauth2/v2.0/logout";

    public async Task InitializeAsync()
    {
        Emulator = await StartEmulatorAsync(EntraEmulatorOptions.CreateDefault());
        Web = new EmulatorWebFactory(Emulator);
    }

    public static string AuthorizeEndpointOf(EntraEmulatorHost emulator) => $"{emulator.Authority}oauth2/v2.0/authorize";

    /// <summary>
    /// Starts an emulator on a free port with <paramref name="options"/>' first app registered for the test app's URIs on
    /// <paramref name="appOrigin"/> (<see cref="TestSettings.Origin"/> unless the test puts the app elsewhere); with
    /// <paramref name="controlSurface"/>, its control surface too (Development only: revocations, authentication contexts).
    /// </summary>
    public static Task<EntraEmulatorHost> StartEmulatorAsync(EntraEmulatorOptions options, string appOrigin = TestSettings.Origin, bool controlSurface = false)
    {
        EmulatorAppRegistration.RegisterUris(options.Applications[0], appOrigin);
        return EntraEmulatorHost.StartAsync(options, new EntraEmulatorHostSettings
        {
            Host = DevelopmentDefaults.Host, Port = 0, EnvironmentName = controlSurface ? "Development" : "Testing", EnableControlSurface = controlSurface,
        });
    }

    public async Task DisposeAsync()
    {
        if (Web is not null)
        {
            await Web.DisposeAsync();
        }

        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }
    }

    /// <summary>A browser on the app (SameSite-aware jar) and a browser on the emulator (its own cookie container), as one user agent.</summary>
    public EmulatorSignInDriver CreateDriver() => new(Emulator, Web.CreateBrowser());
}
