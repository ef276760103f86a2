using HybridSpa.EntraEmulator;
using HybridSpa.Web.Tests.Infrastructure;
using HybridSpa.Web.Tests.Integration;

namespace HybridSpa.Web.Tests.ScaleOut;

/// <summary>
/// Two instances of the app on one PostgreSQL cluster and one emulator, as behind a load balancer: same origin, same
/// configuration, and a browser sends each request to whichever instance the test picks (<see cref="Browser.Via"/>).
/// Each instance is the app with its real registrations; only configuration selects PostgreSQL.
/// </summary>
public sealed class TwoInstances : IAsyncDisposable
{
    private readonly string _connectionString;

    private TwoInstances(string connectionString, EntraEmulatorHost emulator)
    {
        _connectionString = connectionString;
        Emulator = emulator;
        (A, B) = StartInstances();
    }

    public EntraEmulatorHost Emulator { get; }

    public EmulatorWebFactory A { get; private set; }

    public EmulatorWebFactory B { get; private set; }

    public string TokenEndpoint => $"{Emulator.Authority}oauth2/v2.0/token";

    /// <summary>Starts the emulator and two instances on the cluster's database, or on <paramref name="connectionString"/>.</summary>
    public static async Task<TwoInstances> StartAsync(PostgresCluster cluster, EntraEmulatorOptions emulatorOptions, string? connectionString = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return new(connectionString ?? cluster.ConnectionString, await EmulatorWebFixture.StartEmulatorAsync(emulatorOptions));
    }

    /// <summary>A user agent whose requests go to instance A; <c>driver.App.Via(B.CreateBrowserClient())</c> is the same user on B.</summary>
    public EmulatorSignInDriver CreateDriver() => new(Emulator, A.CreateBrowser());

    /// <summary>Stops both instances (their memory, L1 caches and pools are gone) and starts two fresh ones on the same database.</summary>
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
        var instance = new EmulatorWebFactory(Emulator);
        instance.Settings["Cache:Provider"] = "Postgres";
        instance.Settings["Cache:ConnectionString"] = _connectionString;
        return instance;
    }
}
