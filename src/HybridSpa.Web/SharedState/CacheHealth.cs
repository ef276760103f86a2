using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HybridSpa.Web.SharedState;

/// <summary>The cache backend's state as the health checks report it: what <c>/health</c> shows, nothing more.</summary>
public static class CacheHealth
{
    /// <summary>The health check's registration name.</summary>
    public const string CheckName = "cache";

    /// <summary>In-process memory: always available to this instance.</summary>
    public const string InProcess = "InProcess";

    /// <summary>A result carrying the provider and state under the keys the response writer reads.</summary>
    public static HealthCheckResult Result(HealthStatus status, CacheProvider provider, string state) =>
        new(status, description: null, exception: null, new Dictionary<string, object>
        {
            ["provider"] = provider.ToString(),
            ["state"] = state,
        });
}
