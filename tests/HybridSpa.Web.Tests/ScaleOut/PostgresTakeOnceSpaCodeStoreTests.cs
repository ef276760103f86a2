using HybridSpa.Web.SharedState.Postgres;
using Microsoft.AspNetCore.DataProtection;

namespace HybridSpa.Web.Tests.ScaleOut;

/// <summary>The take-once store on PostgreSQL: the take is one <c>DELETE … RETURNING</c>.</summary>
[Collection(SharedStoreTests.Name)]
public sealed class PostgresTakeOnceSpaCodeStoreTests(PostgresCluster cluster) : TakeOnceSpaCodeStoreTests(cluster)
{
    protected override async Task<StoreInstance> OpenInstanceAsync(IDataProtectionProvider keyRing)
    {
        var stores = await PostgresStores.OpenAsync(cluster);
        return new StoreInstance(new PostgresTakeOnceSpaCodeStore(stores.Connector, keyRing), stores);
    }

    protected override async Task ExpireAsync(string handOffId)
    {
        await using var stores = await PostgresStores.OpenAsync(cluster);
        await stores.ExecuteAsync($"UPDATE {PostgresSchema.SpaCodeHandOffsTable} SET expires_at = now() - interval '1 second' WHERE id = @id", handOffId);
    }

    protected override async Task<byte[]?> StoredAsync(string handOffId)
    {
        await using var stores = await PostgresStores.OpenAsync(cluster);
        return await stores.QueryAsync<byte[]>($"SELECT protected_code FROM {PostgresSchema.SpaCodeHandOffsTable} WHERE id = @id", handOffId);
    }
}
