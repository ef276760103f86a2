using StackExchange.Redis;

namespace HybridSpa.Web.SharedState.Redis;

/// <summary>
/// Turns Redis being unreachable, timing out or not yet serving into <see cref="SharedStateUnavailableException"/>, the one
/// failure the app answers with a 503 whichever store is configured. Anything else (a bug of ours) stays what it is.
/// </summary>
internal static class RedisFailures
{
    /// <summary>Runs an operation on Redis.</summary>
    public static async Task<T> GuardAsync<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (Exception ex) when (MeansUnavailable(ex))
        {
            throw Unavailable(ex);
        }
    }

    /// <summary>Runs an operation on Redis.</summary>
    public static async Task GuardAsync(Func<Task> operation)
    {
        try
        {
            await operation();
        }
        catch (Exception ex) when (MeansUnavailable(ex))
        {
            throw Unavailable(ex);
        }
    }

    /// <summary>Runs an operation on Redis synchronously (for the synchronous members of the interfaces we implement).</summary>
    public static T Guard<T>(Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (Exception ex) when (MeansUnavailable(ex))
        {
            throw Unavailable(ex);
        }
    }

    /// <summary>Runs an operation on Redis synchronously.</summary>
    public static void Guard(Action operation) => Guard(() =>
    {
        operation();
        return true;
    });

    /// <summary>
    /// True for no connection, a timeout (also of a command waiting in the backlog while disconnected), and the replies of a
    /// server that is loading its data after a restart or is a replica during a failover.
    /// </summary>
    public static bool MeansUnavailable(Exception exception) => exception switch
    {
        RedisConnectionException or RedisTimeoutException => true,
        RedisServerException server => server.Message.StartsWith("LOADING", StringComparison.Ordinal)
            || server.Message.StartsWith("READONLY", StringComparison.Ordinal)
            || server.Message.StartsWith("MASTERDOWN", StringComparison.Ordinal),
        _ => false,
    };

    private static SharedStateUnavailableException Unavailable(Exception exception) =>
        new("The shared state store (Redis) is unavailable.", exception);
}
