using System.Text;
using HybridSpa.Web.TokenCache;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Moq;

namespace HybridSpa.Web.Tests.TokenCache;

public sealed class DistributedTokenCacheAdapterTests
{
    private static readonly byte[] CacheBytes = Encoding.UTF8.GetBytes("{\"RefreshToken\":{\"secret\":\"refresh-token-plaintext\"}}");

    [Fact]
    public async Task Round_trip_stores_protected_bytes_only()
    {
        var distributed = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        using var writer = new DistributedTokenCacheAdapter(distributed, new EphemeralDataProtectionProvider());
        var dataProtection = new EphemeralDataProtectionProvider();
        using var adapter = new DistributedTokenCacheAdapter(distributed, dataProtection);
        using var reader = new DistributedTokenCacheAdapter(distributed, dataProtection);

        await adapter.WriteAsync("uid.utid", CacheBytes, CancellationToken.None);

        var stored = await distributed.GetAsync("msal.user.uid.utid");
        Assert.NotNull(stored);
        Assert.DoesNotContain("refresh-token-plaintext", Encoding.UTF8.GetString(stored), StringComparison.Ordinal);
        Assert.Equal(CacheBytes, await reader.ReadAsync("uid.utid", CancellationToken.None));

        // Another key ring cannot read it: the entry is treated as absent.
        Assert.Null(await writer.ReadAsync("uid.utid", CancellationToken.None));
    }

    [Fact]
    public async Task Second_read_is_served_by_the_memory_l1()
    {
        var dataProtection = new EphemeralDataProtectionProvider();
        var protectedBytes = dataProtection.CreateProtector("HybridSpa.TokenCache", "v1").Protect(CacheBytes);
        var distributed = new Mock<IDistributedCache>();
        distributed.Setup(d => d.GetAsync("msal.user.k", It.IsAny<CancellationToken>())).ReturnsAsync(protectedBytes);
        using var adapter = new DistributedTokenCacheAdapter(distributed.Object, dataProtection);

        Assert.Equal(CacheBytes, await adapter.ReadAsync("k", CancellationToken.None));
        Assert.Equal(CacheBytes, await adapter.ReadAsync("k", CancellationToken.None));

        distributed.Verify(d => d.GetAsync("msal.user.k", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Remove_clears_both_levels()
    {
        var distributed = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        using var adapter = new DistributedTokenCacheAdapter(distributed, new EphemeralDataProtectionProvider());
        await adapter.WriteAsync("k", CacheBytes, CancellationToken.None);

        await adapter.RemoveAsync("k", CancellationToken.None);

        Assert.Null(await adapter.ReadAsync("k", CancellationToken.None));
        Assert.Null(await distributed.GetAsync("msal.user.k"));
    }
}
