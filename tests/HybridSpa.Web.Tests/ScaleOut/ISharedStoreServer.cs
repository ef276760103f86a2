using HybridSpa.Web.SharedState;

namespace HybridSpa.Web.Tests.ScaleOut;

/// <summary>
/// A shared store the scale-out tests run themselves — a PostgreSQL cluster or a Redis server, on 127.0.0.1 and a free port —
/// so one test body states each guarantee and runs against every provider.
/// </summary>
public interface ISharedStoreServer : IAsyncLifetime
{
    /// <summary>The <c>Cache:Provider</c> this store is for, as <c>/health</c> names it.</summary>
    CacheProvider Provider { get; }

    /// <summary>Whether the server is running.</summary>
    bool IsRunning { get; }

    /// <summary>The <c>Cache</c> settings that point an instance at this server.</summary>
    IReadOnlyDictionary<string, string?> CacheSettings { get; }

    /// <summary>Settings for an empty store of one's own (another database), ready for use: an empty key ring, cache and hand-off store.</summary>
    Task<IReadOnlyDictionary<string, string?>> CreateIsolatedStoreAsync();

    /// <summary>The Data Protection key ring as the store holds it (every key's XML, concatenated), read around the app.</summary>
    Task<string> ReadStoredKeyRingAsync(IReadOnlyDictionary<string, string?> settings);

    /// <summary>Starts (or restarts) the server on the same data and port.</summary>
    Task StartAsync();

    /// <summary>Stops the server as an operator would for maintenance (clients are disconnected, data is kept).</summary>
    Task StopAsync();
}
