using HybridSpa.Web.SharedState;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace HybridSpa.Web.Tests.Infrastructure;

/// <summary>The in-memory distributed cache with an outage switch: while down, every call fails the way the shared stores do.</summary>
public sealed class SwitchableCache : IDistributedCache
{
    private readonly MemoryDistributedCache _inner = new(Options.Create(new MemoryDistributedCacheOptions()));

    public bool Down { get; set; }

    public byte[]? Get(string key) => Up()._inner.Get(key);

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Up()._inner.GetAsync(key, token);

    public void Refresh(string key) => Up()._inner.Refresh(key);

    public Task RefreshAsync(string key, CancellationToken token = default) => Up()._inner.RefreshAsync(key, token);

    public void Remove(string key) => Up()._inner.Remove(key);

    public Task RemoveAsync(string key, CancellationToken token = default) => Up()._inner.RemoveAsync(key, token);

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => Up()._inner.Set(key, value, options);

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        Up()._inner.SetAsync(key, value, options, token);

    private SwitchableCache Up() => Down ? throw new SharedStateUnavailableException("The test switched the cache off.") : this;
}
