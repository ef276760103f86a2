using System.Text;
using HybridSpa.Web.SharedState.Postgres;
using Microsoft.AspNetCore.DataProtection;

namespace HybridSpa.Web.Tests.ScaleOut;

[Collection(PostgresTests.Name)]
public sealed class PostgresTakeOnceSpaCodeStoreTests(PostgresCluster cluster)
{
    private const string SpaCode = "1.AQABAAIAAAD-spa-code-plaintext";

    [Fact]
    public async Task Of_many_concurrent_takes_on_two_instances_exactly_one_gets_the_code()
    {
        var keyRing = new EphemeralDataProtectionProvider();
        await using var instanceA = await PostgresStores.OpenAsync(cluster);
        await using var instanceB = await PostgresStores.OpenAsync(cluster);
        var storeA = new PostgresTakeOnceSpaCodeStore(instanceA.Connector, keyRing);
        var storeB = new PostgresTakeOnceSpaCodeStore(instanceB.Connector, keyRing);
        var id = Guid.NewGuid().ToString();
        await storeA.PutAsync(id, SpaCode, TimeSpan.FromMinutes(5), CancellationToken.None);

        var takes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? storeA : storeB).TakeAsync(id, CancellationToken.None)));

        Assert.Equal([SpaCode], takes.Where(t => t is not null));
    }

    [Fact]
    public async Task An_expired_code_is_not_returned()
    {
        await using var stores = await PostgresStores.OpenAsync(cluster);
        var store = new PostgresTakeOnceSpaCodeStore(stores.Connector, new EphemeralDataProtectionProvider());
        var id = Guid.NewGuid().ToString();
        await store.PutAsync(id, SpaCode, TimeSpan.FromMilliseconds(1), CancellationToken.None);
        await Task.Delay(50);

        Assert.Null(await store.TakeAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task The_database_never_holds_the_code_in_the_clear()
    {
        await using var stores = await PostgresStores.OpenAsync(cluster);
        var store = new PostgresTakeOnceSpaCodeStore(stores.Connector, new EphemeralDataProtectionProvider());
        var id = Guid.NewGuid().ToString();
        await store.PutAsync(id, SpaCode, TimeSpan.FromMinutes(5), CancellationToken.None);

        var stored = await stores.QueryAsync<byte[]>($"SELECT protected_code FROM {PostgresSchema.SpaCodeHandOffsTable} WHERE id = @id", id);

        Assert.NotNull(stored);
        Assert.DoesNotContain("spa-code-plaintext", Encoding.UTF8.GetString(stored), StringComparison.Ordinal);
        Assert.Equal(SpaCode, await store.TakeAsync(id, CancellationToken.None));
    }
}
