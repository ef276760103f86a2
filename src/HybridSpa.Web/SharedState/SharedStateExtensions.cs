using HybridSpa.Web.HandOff;
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

    /// <summary>Adds the stores: in this process's memory.</summary>
    public static WebApplicationBuilder AddSharedState(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);

        // Exactly what the app registered before: one instance, state lost on restart.
        services.AddDistributedMemoryCache();
        services.AddDataProtection();
        services.AddSingleton<ITakeOnceSpaCodeStore, MemoryTakeOnceSpaCodeStore>();
        services.AddHealthChecks().AddCheck<MemoryCacheHealthCheck>(CacheHealth.CheckName);
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
