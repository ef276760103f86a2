namespace HybridSpa.Web.TokenCache;

/// <summary>Registers the distributed token cache.</summary>
public static class TokenCacheExtensions
{
    /// <summary>
    /// Adds the per-account token cache over <see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/>;
    /// an in-memory store unless the host registered a shared one (several instances need a shared store and key ring).
    /// </summary>
    public static IServiceCollection AddDistributedTokenCache(this IServiceCollection services)
    {
        services.AddDistributedMemoryCache();
        services.AddDataProtection();
        services.AddSingleton<DistributedTokenCacheAdapter>();
        return services;
    }
}
