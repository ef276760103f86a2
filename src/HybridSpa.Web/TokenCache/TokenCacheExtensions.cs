namespace HybridSpa.Web.TokenCache;

/// <summary>Registers the distributed token cache.</summary>
public static class TokenCacheExtensions
{
    /// <summary>
    /// Adds the per-account token cache over the app's <see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/>
    /// and Data Protection key ring, which <c>AddSharedState</c> registers (memory, or PostgreSQL shared by every instance).
    /// </summary>
    public static IServiceCollection AddDistributedTokenCache(this IServiceCollection services)
    {
        services.AddSingleton<DistributedTokenCacheAdapter>();
        return services;
    }
}
