using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;

namespace HybridSpa.Benchmarks.Server;

/// <summary>
/// Wraps the app's registered <see cref="IDistributedCache"/> and remembers the size of every value it holds, so a benchmark
/// can read how many bytes the token cache and the sessions take. Behaviour is the inner cache's.
/// </summary>
internal sealed class MeasuringDistributedCache(IDistributedCache inner) : IDistributedCache
{
    private readonly ConcurrentDictionary<string, int> sizes = new(StringComparer.Ordinal);

    /// <summary>Replaces the registered cache with a measuring wrapper around it; <paramref name="created"/> receives the wrapper.</summary>
    public static void Decorate(IServiceCollection services, Action<MeasuringDistributedCache> created)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IDistributedCache));
        services.Remove(registered);
        services.AddSingleton<IDistributedCache>(provider =>
        {
            var original = (IDistributedCache)(registered.ImplementationInstance
                ?? registered.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!));
            var measuring = new MeasuringDistributedCache(original);
            created(measuring);
            return measuring;
        });
    }

    /// <summary>The number of entries whose key matches, and the bytes of their values.</summary>
    public (int Entries, long Bytes) Measure(Func<string, bool> keyMatches)
    {
        var matching = sizes.Where(entry => keyMatches(entry.Key)).ToList();
        return (matching.Count, matching.Sum(entry => (long)entry.Value));
    }

    /// <summary>The keys of the entries it holds whose key matches, as the app names them.</summary>
    public IReadOnlyList<string> Keys(Func<string, bool> keyMatches) => [.. sizes.Keys.Where(keyMatches)];

    public byte[]? Get(string key) => inner.Get(key);

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => inner.GetAsync(key, token);

    public void Refresh(string key) => inner.Refresh(key);

    public Task RefreshAsync(string key, CancellationToken token = default) => inner.RefreshAsync(key, token);

    public void Remove(string key)
    {
        sizes.TryRemove(key, out _);
        inner.Remove(key);
    }

    public Task RemoveAsync(string key, CancellationToken token = default)
    {
        sizes.TryRemove(key, out _);
        return inner.RemoveAsync(key, token);
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        sizes[key] = value.Length;
        inner.Set(key, value, options);
    }

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        sizes[key] = value.Length;
        return inner.SetAsync(key, value, options, token);
    }
}
