using HybridSpa.Web.HandOff;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Caching.Distributed;

namespace HybridSpa.Web.SharedState.Redis;

/// <summary>
/// <c>Cache:Provider = Redis</c>: session and token cache on <c>AddStackExchangeRedisCache</c>, the key ring on
/// <c>PersistKeysToStackExchangeRedis</c>, the SPA-code hand-off on <see cref="RedisTakeOnceSpaCodeStore"/>, all over one
/// <see cref="RedisConnection"/>.
/// </summary>
internal static class RedisSharedStateRegistration
{
    public static void AddRedis(IServiceCollection services, CacheOptions cache)
    {
        // Created here, not by the container: PersistKeysToStackExchangeRedis takes the database as a factory before any service
        // provider exists. Nothing connects yet, so a malformed connection string is still reported by the options validator at
        // startup. Registered through a factory so that the container, which disposes what its factories return, closes it.
        var connection = new RedisConnection(cache.Redis.Configuration ?? string.Empty);
        services.AddSingleton(_ => connection);

        services.AddStackExchangeRedisCache(options =>
        {
            options.InstanceName = RedisKeys.CachePrefix;
            options.ConnectionMultiplexerFactory = () => Task.FromResult(connection.Multiplexer);
        });
        DecorateDistributedCache(services);

        services.AddSingleton<ITakeOnceSpaCodeStore, RedisTakeOnceSpaCodeStore>();

        services.AddDataProtection()
            .SetApplicationName(SharedStateExtensions.DataProtectionApplicationName)
            .PersistKeysToStackExchangeRedis(() => connection.Database, RedisKeys.DataProtectionKeys)
            .ProtectKeysWith(cache.KeyRingCertificates);

        // Resolving the connection here — before Data Protection can first read the ring — is also what makes the container own
        // it when nothing else has resolved it yet.
        services.AddOptions<KeyManagementOptions>().PostConfigure<RedisConnection>((options, _) =>
            options.XmlRepository = new RedisFailureTranslatingXmlRepository(
                options.XmlRepository ?? throw new InvalidOperationException("PersistKeysToStackExchangeRedis set no key repository.")));
    }

    private static void DecorateDistributedCache(IServiceCollection services)
    {
        var redisCache = services.Last(descriptor => descriptor.ServiceType == typeof(IDistributedCache));
        services.Remove(redisCache);

        // Registered over any TryAdd'ed memory cache: session and the token cache both resolve IDistributedCache.
        services.AddSingleton<IDistributedCache>(provider => new RedisFailureTranslatingCache((IDistributedCache)(
            redisCache.ImplementationInstance
            ?? redisCache.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, redisCache.ImplementationType!))));
    }
}
