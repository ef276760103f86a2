using HybridSpa.Web.HandOff;
using HybridSpa.Web.SharedState.Postgres;
using HybridSpa.Web.SharedState.Redis;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HybridSpa.Web.Tests.ScaleOut;

/// <summary>
/// What <c>AddSharedState</c> registers for a shared store, in two separately built service providers. One test body for every
/// store (<see cref="PostgresSharedStateRegistrationTests"/>, <see cref="RedisSharedStateRegistrationTests"/>).
/// </summary>
public abstract class SharedStateRegistrationTests(ISharedStoreServer server)
{
    /// <summary>The hand-off store this provider registers.</summary>
    protected abstract Type TakeOnceStoreType { get; }

    [Fact]
    public async Task Two_instances_share_one_key_ring_one_cache_and_one_hand_off_store()
    {
        var store = await server.CreateIsolatedStoreAsync();
        await using var a = SharedStateHost.Build(store);
        await using var b = SharedStateHost.Build(store);

        var protectedByA = a.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("cookie");
        Assert.Equal("cookie", b.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedByA));

        var key = "test." + Guid.NewGuid();
        await a.Services.GetRequiredService<IDistributedCache>().SetAsync(key, [42], new DistributedCacheEntryOptions());
        Assert.Equal([42], await b.Services.GetRequiredService<IDistributedCache>().GetAsync(key));

        var id = Guid.NewGuid().ToString();
        await a.Services.GetRequiredService<ITakeOnceSpaCodeStore>().PutAsync(id, "code", TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal("code", await b.Services.GetRequiredService<ITakeOnceSpaCodeStore>().TakeAsync(id, CancellationToken.None));
        Assert.IsType(TakeOnceStoreType, a.Services.GetRequiredService<ITakeOnceSpaCodeStore>());
    }
}

/// <summary>PostgreSQL: our own stores over Npgsql.</summary>
[Collection(SharedStoreTests.Name)]
public sealed class PostgresSharedStateRegistrationTests(PostgresCluster cluster) : SharedStateRegistrationTests(cluster)
{
    protected override Type TakeOnceStoreType => typeof(PostgresTakeOnceSpaCodeStore);
}

/// <summary>Redis: Microsoft's packages for cache and key ring, GETDEL for the hand-off.</summary>
[Collection(SharedStoreTests.Name)]
public sealed class RedisSharedStateRegistrationTests(RedisServer server) : SharedStateRegistrationTests(server)
{
    protected override Type TakeOnceStoreType => typeof(RedisTakeOnceSpaCodeStore);

    [Fact]
    public async Task Everything_lives_under_the_apps_own_keys_and_the_cache_is_the_packages_RedisCache()
    {
        var store = await server.CreateIsolatedStoreAsync();
        await using var instance = SharedStateHost.Build(store);
        var cache = instance.Services.GetRequiredService<IDistributedCache>();

        instance.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("cookie");
        await cache.SetAsync("session-id", [1], new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(20) });
        await instance.Services.GetRequiredService<ITakeOnceSpaCodeStore>().PutAsync("hand-off-id", "code", TimeSpan.FromMinutes(1), CancellationToken.None);

        using var client = await RedisServer.ConnectAsync(store);
        var keys = client.GetServers().Single().Keys(client.GetDatabase().Database).Select(key => key.ToString()).Order(StringComparer.Ordinal);
        Assert.Equal([RedisKeys.CachePrefix + "session-id", RedisKeys.DataProtectionKeys, RedisKeys.SpaCodePrefix + "hand-off-id"], keys);

        // Stored in the package's own format: any RedisCache with the same prefix reads it.
        using var packageCache = new RedisCache(Options.Create(new RedisCacheOptions
        {
            Configuration = store["Cache:Redis:Configuration"],
            InstanceName = RedisKeys.CachePrefix,
        }));
        Assert.Equal([1], await packageCache.GetAsync("session-id"));
    }
}
