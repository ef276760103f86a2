using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HybridSpa.Web.SharedState.Redis;

/// <summary>Healthy when Redis answers a PING; Unreachable otherwise, without connection details.</summary>
internal sealed class RedisHealthCheck(RedisConnection connection) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // While disconnected a PING would wait in the client's backlog for its whole timeout: a probe must answer at once.
            if (!connection.Multiplexer.IsConnected)
            {
                return Unreachable;
            }

            await connection.Database.PingAsync();
            return CacheHealth.Result(HealthStatus.Healthy, CacheProvider.Redis, CacheHealth.Ready);
        }
        catch (Exception ex) when (RedisFailures.MeansUnavailable(ex))
        {
            return Unreachable;
        }
    }

    private static HealthCheckResult Unreachable => CacheHealth.Result(HealthStatus.Unhealthy, CacheProvider.Redis, CacheHealth.Unreachable);
}
