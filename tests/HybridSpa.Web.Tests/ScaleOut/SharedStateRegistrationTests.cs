using HybridSpa.Web.Configuration;
using HybridSpa.Web.HandOff;
using HybridSpa.Web.SharedState;
using HybridSpa.Web.SharedState.Postgres;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HybridSpa.Web.Tests.ScaleOut;

/// <summary>What <c>AddSharedState</c> registers for <c>Cache:Provider=Postgres</c>, in two separately built service providers.</summary>
[Collection(PostgresTests.Name)]
public sealed class SharedStateRegistrationTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Two_instances_share_one_key_ring_one_cache_and_one_hand_off_store()
    {
        await using var stores = await PostgresStores.OpenAsync(cluster);
        await using var a = BuildInstance();
        await using var b = BuildInstance();

        var protectedByA = a.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("cookie");
        Assert.Equal("cookie", b.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedByA));

        var key = "test." + Guid.NewGuid();
        await a.Services.GetRequiredService<IDistributedCache>().SetAsync(key, [42], new DistributedCacheEntryOptions());
        Assert.Equal([42], await b.Services.GetRequiredService<IDistributedCache>().GetAsync(key));

        var id = Guid.NewGuid().ToString();
        await a.Services.GetRequiredService<ITakeOnceSpaCodeStore>().PutAsync(id, "code", TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal("code", await b.Services.GetRequiredService<ITakeOnceSpaCodeStore>().TakeAsync(id, CancellationToken.None));
        Assert.IsType<PostgresTakeOnceSpaCodeStore>(a.Services.GetRequiredService<ITakeOnceSpaCodeStore>());
    }

    [Fact]
    public async Task Without_configuration_the_state_stays_in_memory()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.AddHybridSpaConfiguration();
        builder.AddSharedState();
        await using var app = builder.Build();

        Assert.IsType<MemoryDistributedCache>(app.Services.GetRequiredService<IDistributedCache>());
        Assert.IsType<MemoryTakeOnceSpaCodeStore>(app.Services.GetRequiredService<ITakeOnceSpaCodeStore>());
    }

    private WebApplication BuildInstance()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cache:Provider"] = "Postgres",
            ["Cache:ConnectionString"] = cluster.ConnectionString,
        });
        builder.AddHybridSpaConfiguration();
        builder.AddSharedState();
        return builder.Build();
    }
}
