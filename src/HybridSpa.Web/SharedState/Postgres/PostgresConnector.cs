using Npgsql;

namespace HybridSpa.Web.SharedState.Postgres;

/// <summary>
/// Runs parameterised SQL on the app's one <see cref="NpgsqlDataSource"/> (its pool serves every store), turning the store's
/// failures into <see cref="SharedStateUnavailableException"/> so the app answers 503 rather than 500.
/// </summary>
public sealed class PostgresConnector(NpgsqlDataSource dataSource)
{
    /// <summary>Runs a statement; returns the affected row count.</summary>
    public Task<int> ExecuteAsync(string sql, Action<NpgsqlParameterCollection>? parameters, CancellationToken cancellationToken) =>
        RunAsync(async: true, sql, parameters, NonQueryAsync, cancellationToken);

    /// <summary>Runs a statement synchronously (for the synchronous members of the interfaces we implement).</summary>
    public int Execute(string sql, Action<NpgsqlParameterCollection>? parameters) =>
        RunAsync(async: false, sql, parameters, NonQueryAsync, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>The first column of the first row, or <c>default</c> when there is no row or it is NULL.</summary>
    public Task<T?> QueryValueAsync<T>(string sql, Action<NpgsqlParameterCollection>? parameters, CancellationToken cancellationToken) =>
        RunAsync(async: true, sql, parameters, ScalarAsync<T>, cancellationToken);

    /// <summary>Synchronous <see cref="QueryValueAsync{T}"/>.</summary>
    public T? QueryValue<T>(string sql, Action<NpgsqlParameterCollection>? parameters) =>
        RunAsync(async: false, sql, parameters, ScalarAsync<T>, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>The first column of every row, synchronously (Data Protection reads its key ring synchronously).</summary>
    public IReadOnlyList<T> QueryColumn<T>(string sql) =>
        RunAsync(async: false, sql, null, ColumnAsync<T>, CancellationToken.None).GetAwaiter().GetResult();

    // One code path for both modes, as Npgsql does internally: with async false every await meets a completed task, so the
    // synchronous callers above never block on asynchronous I/O.
    private async Task<TResult> RunAsync<TResult>(
        bool async,
        string sql,
        Action<NpgsqlParameterCollection>? parameters,
        Func<NpgsqlCommand, bool, CancellationToken, Task<TResult>> execute,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var opened = false;
            try
            {
                using var connection = async ? await dataSource.OpenConnectionAsync(cancellationToken) : dataSource.OpenConnection();
                opened = true;
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                parameters?.Invoke(command.Parameters);
                return await execute(command, async, cancellationToken);
            }
            catch (NpgsqlException ex) when (opened && attempt == 1 && IsStaleConnection(ex))
            {
                // PostgreSQL restarted while this connection idled in the pool: the pool still holds its dead siblings.
                // Drop them all and retry once on a fresh connection, so recovery needs no restart and costs no failed request.
                dataSource.Clear();
            }
            catch (NpgsqlException ex)
            {
                throw new SharedStateUnavailableException("The shared state store (PostgreSQL) is unavailable.", ex);
            }
        }
    }

    private static bool IsStaleConnection(NpgsqlException exception) =>
        exception.IsTransient || exception is PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown };

    private static async Task<int> NonQueryAsync(NpgsqlCommand command, bool async, CancellationToken cancellationToken) =>
        async ? await command.ExecuteNonQueryAsync(cancellationToken) : command.ExecuteNonQuery();

    private static async Task<T?> ScalarAsync<T>(NpgsqlCommand command, bool async, CancellationToken cancellationToken)
    {
        var value = async ? await command.ExecuteScalarAsync(cancellationToken) : command.ExecuteScalar();
        return value is null or DBNull ? default : (T)value;
    }

    private static async Task<IReadOnlyList<T>> ColumnAsync<T>(NpgsqlCommand command, bool async, CancellationToken cancellationToken)
    {
        using var reader = async ? await command.ExecuteReaderAsync(cancellationToken) : command.ExecuteReader();
        var values = new List<T>();
        while (async ? await reader.ReadAsync(cancellationToken) : reader.Read())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }
}
