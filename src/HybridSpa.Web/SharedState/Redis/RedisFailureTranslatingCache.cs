using Microsoft.Extensions.Caching.Distributed;

namespace HybridSpa.Web.SharedState.Redis;

/// <summary>
/// The app's <see cref="IDistributedCache"/> on Redis: the package's <c>RedisCache</c> (<c>AddStackExchangeRedisCache</c>) as it
/// is, except that Redis being down surfaces as <see cref="SharedStateUnavailableException"/>, so a page that needs session or
/// the token cache answers the same clear 503 as on PostgreSQL instead of a 500.
/// </summary>
internal sealed class RedisFailureTranslatingCache(IDistributedCache redisCache) : IDistributedCache
{
    public byte[]? Get(string key) => RedisFailures.Guard(() => redisCache.Get(key));

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => RedisFailures.GuardAsync(() => redisCache.GetAsync(key, token));

    public void Refresh(string key) => RedisFailures.Guard(() => redisCache.Refresh(key));

    public Task RefreshAsync(string key, CancellationToken token = default) => RedisFailures.GuardAsync(() => redisCache.RefreshAsync(key, token));

    public void Remove(string key) => RedisFailures.Guard(() => redisCache.Remove(key));

    public Task RemoveAsync(string key, CancellationToken token = default) => RedisFailures.GuardAsync(() => redisCache.RemoveAsync(key, token));

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => RedisFailures.Guard(() => redisCache.Set(key, value, options));

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        RedisFailures.GuardAsync(() => redisCache.SetAsync(key, value, options, token));
}
