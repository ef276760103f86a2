using HybridSpa.EntraEmulator;
using HybridSpa.Web.Tests.Infrastructure;
using HybridSpa.Web.Tests.Integration;

namespace HybridSpa.Web.Tests.ScaleOut;

/// <summary>
/// Two instances of the app on one shared store and one emulator, as behind a load balancer: same origin, same
/// configuration, and a browser sends each request to whichever instance the test picks (<see cref="Browser.Via"/>).
/// Each instance is the app with its real registrations; only configuration selects the store.
/// </summary>
public sealed class TwoInstances : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string?> _cacheSettings;
    private readonly LogCapture? _logs;

    private TwoInstances(IReadOnlyDictionary<string, string?> cacheSettings, LogCapture? logs, EntraEmulatorHost emulator)
    {
        _cacheSettings = cacheSettings;
        _logs = logs;
        Emulator = emulator;
        (A, B) = StartInstances();
    }

    public EntraEmulatorHost Emulator { get; }

    public EmulatorWebFactory A { get; private set; }

    public EmulatorWebFactory B { get; private set; }

    public string TokenEndpoint => $"{Emulator.Authority}oauth2/v2.0/token";

    /// <summary>
    /// Starts the emulator and two instances on the store's <see cref="ISharedStoreServer.CacheSettings"/>, or on
    /// <paramref name="cacheSettings"/>; with <paramref name="logs"/>, every log entry of both instances goes there.
    /// </summary>
    public static async Task<TwoInstances> StartAsync(
        ISharedStoreServer store,
        EntraEmulatorOptions emulatorOptions,
        IReadOnlyDictionary<string, string?>? cacheSettings = null,
        LogCapture? logs = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new(cacheSettings ?? store.CacheSettings, logs, await EmulatorWebFixture.StartEmulatorAsync(emulatorOptions));
    }

    /// <summary>A user agent whose requests go to instance A; <c>driver.App.Via(B.CreateBrowserClient())</c> is the same user on B.</summary>
    public EmulatorSignInDriver CreateDriver() => new(Emulator, A.CreateBrowser());

    /// <summary>Stops both instances (their memory, L1 caches and connections are gone) and starts two fresh ones on the same store.</summary>
    public async Task RestartAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        (A, B) = StartInstances();
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Emulator.DisposeAsync();
    }

    private (EmulatorWebFactory A, EmulatorWebFactory B) StartInstances()
    {
        var a = CreateInstance();
        var b = CreateInstance();

        // Started now, as a deployment would start them, rather than lazily by the first request.
        _ = a.Services;
        _ = b.Services;
        return (a, b);
    }

    private EmulatorWebFactory CreateInstance()
    {
        var instance = new EmulatorWebFactory(Emulator) { Logs = _logs };
        foreach (var (key, value) in _cacheSettings)
        {
            instance.Settings[key] = value;
        }

        // Fifty sign-ins at once through one emulator on a shared two-core machine can take longer than the 10 s production
        // backchannel timeout; these tests are about shared state, so they allow the HttpClient's old 60 s.
        instance.Settings["IdentityProvider:Timeout"] = "00:01:00";
        return instance;
    }
}
