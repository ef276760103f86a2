using System.Net;
using HybridSpa.EntraEmulator;
using HybridSpa.Web.Tests.Infrastructure;
using HybridSpa.Web.Tests.Integration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace HybridSpa.Web.Tests.Security;

/// <summary>
/// The app as it runs behind a TLS-terminating proxy: plain HTTP on a loopback port of a real Kestrel (so the proxy's address
/// is the connection's, which TestServer has not), configured for <see cref="PublicOrigin"/> and its emulator registration.
/// </summary>
public sealed class ProxiedApp : IAsyncDisposable
{
    /// <summary>The origin browsers use and the app is registered for.</summary>
    public const string PublicOrigin = "https://hybridspa.localhost:8443";

    private readonly EntraEmulatorHost _emulator;
    private readonly EmulatorWebFactory _web;

    /// <summary>Starts the app with <paramref name="settings"/> over the emulator's; <paramref name="emulator"/> is registered for <see cref="PublicOrigin"/>.</summary>
    public ProxiedApp(EntraEmulatorHost emulator, IReadOnlyDictionary<string, string?> settings)
    {
        _emulator = emulator;
        _web = new EmulatorWebFactory(emulator) { Requests = Requests };
        _web.Settings["Spa:RedirectUri"] = PublicOrigin + "/";
        foreach (var (key, value) in settings)
        {
            _web.Settings[key] = value;
        }

        _web.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _web.StartServer();
        Upstream = new Uri(_web.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
    }

    /// <summary>The app's own address, e.g. http://127.0.0.1:41234.</summary>
    public Uri Upstream { get; }

    public RequestsSeen Requests { get; } = new();

    /// <summary>The last request the app answered, as it saw it.</summary>
    public RequestSeen LastSeen => Requests.All[^1];

    /// <summary>A client on the public origin whose requests reach the app through the proxy with <paramref name="headers"/>.</summary>
    public HttpClient CreateClient(ProxyHeaders headers) => new(new ReverseProxyHandler(Upstream, headers)) { BaseAddress = new Uri(PublicOrigin) };

    /// <summary>A user agent that signs in on the public origin through the proxy.</summary>
    public EmulatorSignInDriver CreateDriver(ProxyHeaders headers) => new(_emulator, new Browser(CreateClient(headers)), PublicOrigin);

    public ValueTask DisposeAsync() => _web.DisposeAsync();
}

/// <summary>One emulator, registered for <see cref="ProxiedApp.PublicOrigin"/>, shared by the apps of a test class.</summary>
public sealed class ProxiedEmulatorFixture : IAsyncLifetime
{
    public EntraEmulatorHost Emulator { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Emulator = await EmulatorWebFixture.StartEmulatorAsync(EntraEmulatorOptions.CreateDefault(), ProxiedApp.PublicOrigin);

    public async Task DisposeAsync()
    {
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }
    }
}
