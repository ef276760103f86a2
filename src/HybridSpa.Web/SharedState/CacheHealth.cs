using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HybridSpa.Web.SharedState;

/// <summary>The cache backend's state as the health checks report it: what <c>/health</c> shows, nothing more.</summary>
public static class CacheHealth
{
    /// <summary>The health check's registration name.</summary>
    public const string CheckName = "cache";

    /// <summary>In-process memory: always available to this instance.</summary>
    public const string InProcess = "InProcess";

    /// <summary>The store answers (PostgreSQL: and every table exists).</summary>
    public const string Ready = "Ready";

    /// <summary>PostgreSQL answers but the tables are not there (yet).</summary>
    public const string SchemaMissing = "SchemaMissing";

    /// <summary>The store does not answer.</summary>
    public const string Unreachable = "Unreachable";

    /// <summary>A result carrying the provider and state under the keys the response writer reads.</summary>
    public static HealthCheckResult Result(HealthStatus status, CacheProvider provider, string state) =>
        new(status, description: null, exception: null, new Dictionary<string, object>
        {
            ["provider"] = provider.ToString(),
            ["state"] = state,
        });
}
