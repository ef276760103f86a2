using Microsoft.Extensions.Options;

namespace HybridSpa.Web.SharedState.Postgres;

/// <summary>
/// Creates the schema at startup. If PostgreSQL is down then, the app still starts (pages that need the store answer 503)
/// and the schema is created as soon as the database answers.
/// </summary>
internal sealed partial class PostgresSchemaInitializer(
    PostgresConnector connector,
    IOptions<CacheOptions> options,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<PostgresSchemaInitializer> logger) : IHostedService
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    private Task? _retrying;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The first attempt is awaited, so a normal start takes no request before the tables exist.
        if (!options.Value.CreateSchema || await TryCreateAsync(cancellationToken))
        {
            return;
        }

        _retrying = RetryUntilCreatedAsync(lifetime.ApplicationStopping);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // ApplicationStopping has fired by now, which ends the retries.
        if (_retrying is not null)
        {
            await _retrying.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task RetryUntilCreatedAsync(CancellationToken stopping)
    {
        try
        {
            do
            {
                await Task.Delay(RetryInterval, timeProvider, stopping);
            }
            while (!await TryCreateAsync(stopping));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    private async Task<bool> TryCreateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await connector.ExecuteAsync(PostgresSchema.CreateScriptLocked, null, cancellationToken);
            LogSchemaReady(logger);
            return true;
        }
        catch (SharedStateUnavailableException ex)
        {
            LogSchemaNotCreated(logger, RetryInterval.TotalSeconds, ex.InnerException?.Message);
            return false;
        }
    }

    [LoggerMessage(1, LogLevel.Information, "PostgreSQL schema for the shared state is ready.", EventName = "SharedStateSchemaReady")]
    private static partial void LogSchemaReady(ILogger logger);

    [LoggerMessage(2, LogLevel.Warning, "PostgreSQL schema for the shared state not created, retrying in {RetrySeconds} s: {Reason}", EventName = "SharedStateSchemaNotCreated")]
    private static partial void LogSchemaNotCreated(ILogger logger, double retrySeconds, string? reason);
}
