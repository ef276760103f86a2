using HybridSpa.Web.SharedState.Redis;
using Microsoft.AspNetCore.DataProtection;

namespace HybridSpa.Web.Tests.ScaleOut;

/// <summary>The take-once store on Redis: the take is one <c>GETDEL</c>, the code's lifetime is the key's TTL.</summary>
[Collection(SharedStoreTests.Name)]
public sealed class RedisTakeOnceSpaCodeStoreTests(RedisServer server) : TakeOnceSpaCodeStoreTests(server)
{
    [Fact]
    public async Task A_code_nobody_takes_leaves_nothing_behind_once_its_lifetime_is_over()
    {
        await using var instance = await OpenInstanceAsync(new EphemeralDataProtectionProvider());
        var id = Guid.NewGuid().ToString();

        await instance.Store.PutAsync(id, "1.AQABAAIAAAD-untaken", TimeSpan.FromMinutes(5), CancellationToken.None);

        // Redis deletes the key itself when its TTL runs out: no cleanup job, unlike PostgreSQL.
        using var client = await RedisServer.ConnectAsync(server.CacheSettings);
        var timeToLive = await client.GetDatabase().KeyTimeToLiveAsync(RedisTakeOnceSpaCodeStore.Key(id));
        Assert.NotNull(timeToLive);
        Assert.InRange(timeToLive.Value, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
    }

    protected override Task<StoreInstance> OpenInstanceAsync(IDataProtectionProvider keyRing)
    {
        var connection = new RedisConnection(server.ConnectionString);
        return Task.FromResult(new StoreInstance(new RedisTakeOnceSpaCodeStore(connection, keyRing), new DisposingConnection(connection)));
    }

    protected override async Task ExpireAsync(string handOffId)
    {
        // An expiry time in the past: Redis deletes the key at once, as it does when a TTL runs out.
        using var client = await RedisServer.ConnectAsync(server.CacheSettings);
        Assert.True(await client.GetDatabase().KeyExpireAsync(RedisTakeOnceSpaCodeStore.Key(handOffId), DateTime.UtcNow.AddMinutes(-1)));
    }

    protected override async Task<byte[]?> StoredAsync(string handOffId)
    {
        using var client = await RedisServer.ConnectAsync(server.CacheSettings);
        return await client.GetDatabase().StringGetAsync(RedisTakeOnceSpaCodeStore.Key(handOffId));
    }

    private sealed class DisposingConnection(RedisConnection connection) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            connection.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
