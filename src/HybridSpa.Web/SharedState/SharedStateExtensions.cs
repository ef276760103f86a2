using HybridSpa.Web.HandOff;
using HybridSpa.Web.SharedState.Postgres;
using HybridSpa.Web.SharedState.Redis;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HybridSpa.Web.SharedState;

/// <summary>
/// Registers where the state that instances must share lives — the <see cref="IDistributedCache"/> under session and the MSAL
/// token cache, the Data Protection key ring, the take-once SPA-code store — and the health endpoint that reports it.
/// </summary>
public static class SharedStateExtensions
{
    /// <summary>The health endpoint (anonymous).</summary>
    public const string HealthPath = "/health";

    /// <summary>
    /// The Data Protection application name for shared key rings. Without it the discriminator is the content root path, and
    /// instances deployed to different paths could not read each other's cookies.
    /// </summary>
    public const string DataProtectionApplicationName = "HybridSpa";

    /// <summary>Adds the stores chosen by <c>Cache:Provider</c> (memory unless configured).</summary>
    public static WebApplicationBuilder AddSharedState(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        var health = services.AddHealthChecks();

        // The provider decides which services exist and the key ring certificates how Data Protection is built, so they are
        // read now; the section is validated at startup.
        var cache = builder.Configuration.GetSection(CacheOptions.SectionName).Get<CacheOptions>() ?? new CacheOptions();
        switch (cache.Provider)
        {
            case CacheProvider.Postgres:
                PostgresSharedStateRegistration.AddPostgres(services, cache);
                health.AddCheck<PostgresHealthCheck>(CacheHealth.CheckName);
                break;
            case CacheProvider.Redis:
                RedisSharedStateRegistration.AddRedis(services, cache);
                health.AddCheck<RedisHealthCheck>(CacheHealth.CheckName);
                break;
            default:
                // Exactly what the app registered before scale-out existed: one instance, state lost on restart.
                services.AddDistributedMemoryCache();
                services.AddDataProtection();
                services.AddSingleton<ITakeOnceSpaCodeStore, MemoryTakeOnceSpaCodeStore>();
                health.AddCheck<MemoryCacheHealthCheck>(CacheHealth.CheckName);
                break;
        }

        return builder;
    }

    /// <summary>Maps <see cref="HealthPath"/>: 200 when healthy, 503 when the cache backend is not; JSON either way.</summary>
    public static WebApplication MapSharedStateHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync }).AllowAnonymous();
        return app;
    }
}
