using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HybridSpa.Web.SharedState;

/// <summary>The memory backend cannot be down while the process is up.</summary>
internal sealed class MemoryCacheHealthCheck : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(CacheHealth.Result(HealthStatus.Healthy, CacheProvider.Memory, CacheHealth.InProcess));
}
