using System.Text;
using HybridSpa.Web.SharedState;
using HybridSpa.Web.SharedState.Postgres;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HybridSpa.Web.Tests.ScaleOut;

[Collection(SharedStoreTests.Name)]
public sealed class PostgresDistributedCacheTests(PostgresCluster cluster)
{
    private static readonly byte[] Value = Encoding.UTF8.GetBytes("session blob");

    [Fact]
    public async Task Set_get_and_remove_round_trip_and_set_replaces()
    {
        await using var stores = await PostgresStores.OpenAsync(cluster);
        var cache = new PostgresDistributedCache(stores.Connector, TimeProvider.System);
        var key = NewKey();

        await cache.SetAsync(key, Value, new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(20) });
        Assert.Equal(Value, await cache.GetAsync(key));
        cache.Set(key, [1, 2, 3], new DistributedCacheEntryOptions());
        Assert.Equal([1, 2, 3], cache.Get(key));

        await cache.RemoveAsync(key);

        Assert.Null(await cache.GetAsync(key));
    }

    [Fact]
    public async Task Absolute_expiry_hides_the_entry_once_due()
    {
        await using var stores = await PostgresStores.OpenAsync(cluster);
        var cache = new PostgresDistributedCache(stores.Connector, TimeProvider.System);
        var key = NewKey();

        await cache.SetAsync(key, Value, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1) });
        Assert.Equal(Value, await cache.GetAsync(key));
        Assert.InRange(await SecondsLeft(stores, key), 3500, 3600);

        // Due, on the database's clock (the one the expiry is judged by): the entry is no longer returned.
        await stores.ExecuteAsync($"UPDATE {PostgresSchema.CacheTable} SET expires_at = absolute_expires_at - interval '1 hour 1 second', absolute_expires_at = absolute_expires_at - interval '1 hour 1 second' WHERE id = @id", key);

        Assert.Null(await cache.GetAsync(key));
    }

    [Fact]
    public async Task A_read_slides_the_expiry_forward_but_never_past_the_absolute_expiry()
    {
        await using var stores = await PostgresStores.OpenAsync(cluster);
        var cache = new PostgresDistributedCache(stores.Connector, TimeProvider.System);
        var sliding = NewKey();
        var capped = NewKey();
        await cache.SetAsync(sliding, Value, new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(1) });
        await cache.SetAsync(capped, Value, new DistributedCacheEntryOptions
        {
            SlidingExpiration = TimeSpan.FromHours(1),
            AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(30),
        });

        // Aged as if the window had nearly run out; the read (and Refresh) move it back to a full hour from now.
        await Age(stores, sliding);
        Assert.Equal(Value, await cache.GetAsync(sliding));
        Assert.InRange(await SecondsLeft(stores, sliding), 3500, 3600);
        await Age(stores, sliding);
        await cache.RefreshAsync(sliding);
        Assert.InRange(await SecondsLeft(stores, sliding), 3500, 3600);

        // The absolute expiry caps the window.
        Assert.InRange(await SecondsLeft(stores, capped), 1700, 1800);
        await Age(stores, capped);
        Assert.Equal(Value, await cache.GetAsync(capped));
        Assert.InRange(await SecondsLeft(stores, capped), 1700, 1800);
    }

    [Fact]
    public async Task Expired_rows_are_never_returned_and_the_cleanup_deletes_them()
    {
        await using var stores = await PostgresStores.OpenAsync(cluster);
        var cache = new PostgresDistributedCache(stores.Connector, TimeProvider.System);
        var key = NewKey();
        await cache.SetAsync(key, Value, new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(1) });
        await stores.ExecuteAsync($"UPDATE {PostgresSchema.CacheTable} SET expires_at = now() - interval '1 second' WHERE id = @id", key);

        Assert.Null(await cache.GetAsync(key));
        await cache.RefreshAsync(key);
        Assert.Null(await cache.GetAsync(key));
        Assert.Equal(1L, await stores.QueryAsync<long>($"SELECT count(*) FROM {PostgresSchema.CacheTable} WHERE id = @id", key));

        var cleanup = new PostgresExpiredRowsCleanup(stores.Connector, Options.Create(new CacheOptions()), TimeProvider.System, NullLogger<PostgresExpiredRowsCleanup>.Instance);
        await cleanup.DeleteExpiredAsync(CancellationToken.None);

        Assert.Equal(0L, await stores.QueryAsync<long>($"SELECT count(*) FROM {PostgresSchema.CacheTable} WHERE id = @id", key));
    }

    [Fact]
    public async Task An_absolute_expiry_in_the_past_is_rejected()
    {
        await using var stores = await PostgresStores.OpenAsync(cluster);
        var cache = new PostgresDistributedCache(stores.Connector, TimeProvider.System);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            cache.SetAsync(NewKey(), Value, new DistributedCacheEntryOptions { AbsoluteExpiration = DateTimeOffset.UtcNow.AddMinutes(-1) }));
    }

    [Fact]
    public async Task After_a_database_restart_the_first_request_succeeds_although_the_pool_held_dead_connections()
    {
        await using var stores = await PostgresStores.OpenAsync(cluster);
        var cache = new PostgresDistributedCache(stores.Connector, TimeProvider.System);
        var key = NewKey();
        await cache.SetAsync(key, Value, new DistributedCacheEntryOptions());

        await cluster.StopAsync();
        await cluster.StartAsync();

        Assert.Equal(Value, await cache.GetAsync(key));
    }

    [Fact]
    public async Task The_schema_script_can_run_any_number_of_times_also_concurrently()
    {
        await using var stores = await PostgresStores.OpenAsync(cluster);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => stores.Connector.ExecuteAsync(PostgresSchema.CreateScriptLocked, null, CancellationToken.None)));

        Assert.True(await stores.Connector.QueryValueAsync<bool>(PostgresSchema.ReadyQuery, null, CancellationToken.None));
    }

    private static string NewKey() => "test." + Guid.NewGuid();

    private static Task Age(PostgresStores stores, string key) =>
        stores.ExecuteAsync($"UPDATE {PostgresSchema.CacheTable} SET expires_at = now() + interval '1 second' WHERE id = @id", key);

    private static async Task<double> SecondsLeft(PostgresStores stores, string key) =>
        await stores.QueryAsync<double>($"SELECT extract(epoch FROM expires_at - now())::float8 FROM {PostgresSchema.CacheTable} WHERE id = @id", key);
}
