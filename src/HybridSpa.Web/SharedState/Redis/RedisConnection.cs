using StackExchange.Redis;

namespace HybridSpa.Web.SharedState.Redis;

/// <summary>
/// The instance's one connection to Redis — a StackExchange.Redis multiplexer, shared by the cache, the key ring, the SPA-code
/// store and the health check, as the client is meant to be used. It connects on first use; when Redis is down then or later
/// it keeps reconnecting in the background, so nothing needs a restart once Redis answers again.
/// </summary>
public sealed class RedisConnection(string configuration) : IDisposable
{
    private readonly Lock _connecting = new();
    private ConnectionMultiplexer? _multiplexer;
    private bool _disposed;

    /// <summary>The multiplexer, connected (or still trying to connect) to the configured Redis.</summary>
    public IConnectionMultiplexer Multiplexer
    {
        get
        {
            if (_multiplexer is { } multiplexer)
            {
                return multiplexer;
            }

            lock (_connecting)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                return _multiplexer ??= ConnectionMultiplexer.Connect(Options(configuration));
            }
        }
    }

    /// <summary>The default database, where every key of the app lives (<see cref="RedisKeys"/>).</summary>
    public IDatabase Database => Multiplexer.GetDatabase();

    /// <summary>The connection string as the app uses it.</summary>
    internal static ConfigurationOptions Options(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);

        // Whatever the connection string says: an instance must start (and answer 503) while Redis is down, and connect as soon
        // as it answers. Commands issued while disconnected wait in the client's backlog up to syncTimeout/asyncTimeout, so a
        // short restart or failover costs no failed request and a long outage becomes a 503 after that timeout.
        options.AbortOnConnectFail = false;

        // Key names are session ids and account ids: they stay out of the exception messages the app logs on a 503.
        options.IncludeDetailInExceptions = false;
        return options;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_connecting)
        {
            _disposed = true;
            _multiplexer?.Dispose();
        }
    }
}
