using HybridSpa.EntraEmulator;
using HybridSpa.Web.Configuration;
using HybridSpa.Web.SignIn;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;

namespace HybridSpa.Web.Emulator;

/// <summary>
/// The emulator this app hosts beside itself: started before the app takes a request (a hosted service registered ahead of the
/// server), with an app registration made from the sign-in settings as Identity.Web resolved them, and stopped with the app.
/// </summary>
internal sealed class EmbeddedEmulator : IHostedService, IAsyncDisposable
{
    private readonly Lazy<EntraEmulatorHost> _host;
    private int _disposed;

    public EmbeddedEmulator(SignInSettings signIn, IOptionsMonitor<MicrosoftIdentityOptions> identityWeb, IConfiguration configuration, IHostEnvironment environment)
    {
        var origin = new Uri(signIn.IdentityProviderOrigin);
        var settings = new EntraEmulatorHostSettings { Host = origin.Host, Port = origin.Port, EnvironmentName = environment.EnvironmentName };
        var options = Registration(EntraEmulatorOptions.FromConfiguration(configuration), signIn, identityWeb.Get(SignInSchemes.OpenIdConnect).ClientSecret);

        // Blocking is deliberate: whoever needs the emulator first (the start, or an HttpClient made earlier) must find it listening.
        _host = new(() => EntraEmulatorHost.StartAsync(options, settings).GetAwaiter().GetResult(), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>A handler that reaches the emulator on loopback and trusts its certificate, for the app's HttpClients.</summary>
    public HttpMessageHandler CreateHttpHandler() => _host.Value.CreateHttpHandler();

    public Task StartAsync(CancellationToken cancellationToken) => Task.FromResult(_host.Value);

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        // Stopped by the host, then disposed by the container: only the first stops it.
        if (_host.IsValueCreated && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _host.Value.DisposeAsync();
        }
    }

    // The first registration gets this app's client id, secret and URIs; a section without Applications (e.g. only Users) gets
    // none here, and the emulator's validator then names what is missing.
    private static EntraEmulatorOptions Registration(EntraEmulatorOptions options, SignInSettings signIn, string? clientSecret)
    {
        options.TenantId = signIn.TenantId;
        if (options.Applications is not [var application, ..])
        {
            return options;
        }

        application.ClientId = signIn.ClientId;
        application.ClientSecrets = clientSecret is { Length: > 0 } secret ? [secret] : application.ClientSecrets;
        EmulatorAppRegistration.RegisterUris(application, signIn.PublicOrigin, signIn.SpaRedirectUri, signIn.CallbackPath, signIn.SignedOutCallbackPath);
        return options;
    }
}
