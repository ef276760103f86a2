using Microsoft.Extensions.Options;

namespace HybridSpa.Web.SharedState.Postgres;

/// <summary>
/// Deletes expired cache rows and SPA-code hand-offs every <see cref="CacheOptions.CleanupInterval"/>. Reads already ignore
/// expired rows, so this only reclaims space; every instance runs it and the DELETEs are harmless when they overlap.
/// </summary>
internal sealed partial class PostgresExpiredRowsCleanup(
    PostgresConnector connector,
    IOptions<CacheOptions> options,
    TimeProvider timeProvider,
    ILogger<PostgresExpiredRowsCleanup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CleanupInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await DeleteExpiredAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    internal async Task DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        try
        {
            var deleted = await connector.ExecuteAsync(PostgresSchema.DeleteExpiredScript, null, cancellationToken);
            LogDeleted(logger, deleted);
        }
        catch (SharedStateUnavailableException ex)
        {
            // The next tick tries again; the app keeps serving (or answering 503) meanwhile.
            LogCleanupFailed(logger, ex.InnerException?.Message);
        }
    }

    [LoggerMessage(10, LogLevel.Debug, "Deleted {Count} expired shared-state rows.", EventName = "SharedStateExpiredRowsDeleted")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(11, LogLevel.Warning, "Deleting expired shared-state rows failed: {Reason}", EventName = "SharedStateCleanupFailed")]
    private static partial void LogCleanupFailed(ILogger logger, string? reason);
}
