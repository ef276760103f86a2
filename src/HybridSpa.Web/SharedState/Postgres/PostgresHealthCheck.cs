using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HybridSpa.Web.SharedState.Postgres;

/// <summary>Healthy when PostgreSQL answers and the schema exists; the reason for anything else, without connection details.</summary>
internal sealed class PostgresHealthCheck(PostgresConnector connector) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await connector.QueryValueAsync<bool>(PostgresSchema.ReadyQuery, null, cancellationToken)
                ? CacheHealth.Result(HealthStatus.Healthy, CacheProvider.Postgres, CacheHealth.Ready)
                : CacheHealth.Result(HealthStatus.Unhealthy, CacheProvider.Postgres, CacheHealth.SchemaMissing);
        }
        catch (SharedStateUnavailableException)
        {
            return CacheHealth.Result(HealthStatus.Unhealthy, CacheProvider.Postgres, CacheHealth.Unreachable);
        }
    }
}
