using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using HybridSpa.EntraEmulator.Configuration;
using HybridSpa.EntraEmulator.Hosting;
using HybridSpa.EntraEmulator.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HybridSpa.EntraEmulator;

/// <summary>Runs the emulator in-process on its own Kestrel server (HTTPS only, loopback only), beside a web app or inside tests.</summary>
public sealed class EntraEmulatorHost : IAsyncDisposable
{
    private const int PortAttempts = 10;
    private readonly WebApplication _app;
    private readonly SigningKeyRing _keys;

    private EntraEmulatorHost(
        WebApplication app, SigningKeyRing keys, Uri baseAddress, EntraEmulatorOptions options, EmulatorClock clock, X509Certificate2 certificate, string? controlSurfaceToken)
    {
        ControlSurfaceToken = controlSurfaceToken;
        _app = app;
        _keys = keys;
        BaseAddress = baseAddress;
        Options = options;
        Clock = clock;
        TlsCertificate = certificate;
    }

    /// <summary>Scheme, host and bound port, e.g. https://login.dev.localhost:54321/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The tenant authority for MSAL: {BaseAddress}{tenantId}/.</summary>
    public string Authority => $"{BaseAddress}{Options.TenantId}/";

    /// <summary>The Graph emulator's base URL: {BaseAddress}v1.0.</summary>
    public Uri GraphBaseUrl => new(BaseAddress, "v1.0");

    /// <summary>The emulator's adjustable clock: tests advance it instead of sleeping.</summary>
    public EmulatorClock Clock { get; }

    /// <summary>The certificate Kestrel serves.</summary>
    public X509Certificate2 TlsCertificate { get; }

    /// <summary>The bearer token the HTTP control surface requires (configured or generated at start); null when it is off.</summary>
    public string? ControlSurfaceToken { get; }

    /// <summary>The live options: users and apps added after start are seen by the next request.</summary>
    public EntraEmulatorOptions Options { get; }

    /// <summary>Starts the emulator. Throws <see cref="InvalidOperationException"/> in the Production environment or on invalid options.</summary>
    public static async Task<EntraEmulatorHost> StartAsync(EntraEmulatorOptions options, EntraEmulatorHostSettings? settings = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        settings ??= new EntraEmulatorHostSettings();
        var environment = settings.EnvironmentName
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environments.Development;
        if (environment.Equals(Environments.Production, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                "The Entra ID emulator refuses to start in the Production environment: it signs anyone in without real credentials. "
                + "Use a real Entra ID tenant in Production, or set the environment to Development.");
        }

        if (settings.EnableControlSurface && !environment.Equals(Environments.Development, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"The emulator's control surface changes users, apps and time for anyone who can reach it: it is available in the Development environment only, not in '{environment}'.");
        }

        if (settings.EnableControlSurface && settings.ControlSurfaceToken is { Length: < 16 })
        {
            throw new InvalidOperationException("The control surface token must have at least 16 characters: anyone who guesses it controls the emulator.");
        }

        EntraEmulatorOptionsValidator.Validate(options);
        var controlSurfaceToken = settings.EnableControlSurface ? settings.ControlSurfaceToken ?? Control.ControlSurfaceCredential.Generate() : null;
        var clock = new EmulatorClock(settings.TimeProvider);
        var (certificate, certificateDescription) = TlsCertificateSource.Resolve(settings.TlsCertificate, settings.Host, clock.GetUtcNow());
        for (var attempt = 1; ; attempt++)
        {
            var port = settings.Port != 0 ? settings.Port : FindFreePort();
            var baseAddress = new Uri($"https://{settings.Host}:{port}/");
            var keys = new SigningKeyRing(clock);
            var app = Build(options, settings, environment, clock, keys, certificate, baseAddress, port, controlSurfaceToken);
            try
            {
                await app.StartAsync(ct).ConfigureAwait(false);
                var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<EntraEmulatorHost>();
                EmulatorLog.TlsCertificate(logger, certificateDescription);
                EmulatorLog.Started(logger, baseAddress, options.TenantId, environment);
                return new EntraEmulatorHost(app, keys, baseAddress, options, clock, certificate, controlSurfaceToken);
            }
            catch (IOException) when (settings.Port == 0 && attempt < PortAttempts)
            {
                // Another process took the port between probing and binding: try another one.
                await app.DisposeAsync().ConfigureAwait(false);
                keys.Dispose();
            }
        }
    }

    /// <summary>
    /// A handler that connects <c>*.localhost</c> to loopback and trusts exactly <see cref="TlsCertificate"/>; MSAL's instance
    /// discovery requests to login.microsoftonline.com reach this emulator too.
    /// </summary>
    public HttpMessageHandler CreateHttpHandler() => EntraEmulatorConnectivity.CreateHandler(TlsCertificate, BaseAddress.Port);

    /// <summary>Publishes a new signing key, which signs from now on; JWKS lists it beside the older keys.</summary>
    public void AddSigningKey() => _keys.Add();

    /// <summary>Removes the oldest signing key from JWKS; tokens it signed no longer validate.</summary>
    public void RetireOldestSigningKey() => _keys.RetireOldest();

    /// <summary>
    /// Back to the configured state: the users, apps and settings the emulator started with (changes to <see cref="Options"/> undone),
    /// no codes, tokens, browser sessions or consents, and the clock on real time.
    /// </summary>
    public void Reset() => _app.Services.GetRequiredService<Control.EmulatorState>().Reset();

    /// <summary>Ends every browser session (the emulator's sign-in cookies stop working); returns how many there were.</summary>
    public int EndSessions() => _app.Services.GetRequiredService<Control.EmulatorState>().Sessions.EndAll();

    /// <summary>The signing keys, for the benchmark's signing-bound measurement.</summary>
    internal SigningKeyRing SigningKeys => _keys;

    /// <summary>Completes when the host shuts down (Ctrl+C / SIGTERM for the runnable).</summary>
    public Task WaitForShutdownAsync(CancellationToken ct = default) => _app.WaitForShutdownAsync(ct);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _keys.Dispose();
    }

    private static WebApplication Build(
        EntraEmulatorOptions options, EntraEmulatorHostSettings settings, string environment, EmulatorClock clock, SigningKeyRing keys,
        X509Certificate2 certificate, Uri baseAddress, int port, string? controlSurfaceToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ApplicationName = typeof(EntraEmulatorHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // The emulator is configured only through its options: never pick up the host app's appsettings, URLs or Kestrel endpoints.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        settings.ConfigureLogging?.Invoke(builder.Logging);
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
            kestrel.ListenLocalhost(port, listen => listen.UseHttps(certificate));
        });
        builder.Services.AddRouting();
        builder.Services.AddEntraEmulator(options, clock, new EmulatorUrls(baseAddress), keys, controlSurfaceToken);

        var app = builder.Build();
        app.UseMiddleware<UnhandledExceptionMiddleware>();
        app.UseRouting();
        app.MapEntraEmulator();
        return app;
    }

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
