using HybridSpa.Web.HandOff;
using HybridSpa.Web.SharedState.Postgres;
using HybridSpa.Web.SharedState.Redis;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace HybridSpa.Web.SharedState;

/// <summary>
/// Registers where the state that instances must share lives — the <see cref="IDistributedCache"/> under session and the MSAL
/// token cache, the Data Protection key ring, the take-once SPA-code store — and the health endpoint that reports it.
/// </summary>
public static class SharedStateExtensions
{
    /// <summary>The health endpoints' root (anonymous): the same checks as <see cref="ReadyPath"/>, kept for probes configured before it.</summary>
    public const string HealthPath = "/health";

    /// <summary>Ready for traffic: the shared store answers (503 when not) and the identity provider's metadata (Degraded, still 200, when not).</summary>
    public const string ReadyPath = HealthPath + "/ready";

    /// <summary>The process answers: no dependency is asked.</summary>
    public const string LivePath = HealthPath + "/live";

    /// <summary>
    /// The Data Protection application name for shared key rings. Without it the discriminator is the content root path, and
    /// instances deployed to different paths could not read each other's cookies.
    /// </summary>
    public const string DataProtectionApplicationName = "HybridSpa";

    /// <summary>Binds and validates <c>Cache</c> (at startup) and adds the stores chosen by <c>Cache:Provider</c> (memory unless configured).</summary>
    public static WebApplicationBuilder AddSharedState(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<CacheOptions>().BindConfiguration(CacheOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CacheOptions>, CacheOptionsValidator>());
        var health = services.AddHealthChecks();
        services.PostConfigure<HealthCheckServiceOptions>(BoundedHealthCheck.BoundEvery);

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

    /// <summary>
    /// Maps <see cref="LivePath"/>, <see cref="ReadyPath"/> and <see cref="HealthPath"/>: 200 when healthy or degraded, 503 when
    /// the cache backend is not; JSON either way; within a second whatever a dependency does (<see cref="BoundedHealthCheck"/>).
    /// </summary>
    public static WebApplication MapSharedStateHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync }).AllowAnonymous();
        foreach (var path in new[] { ReadyPath, HealthPath })
        {
            app.MapHealthChecks(path, new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync }).AllowAnonymous();
        }

        return app;
    }
}
