using Microsoft.Extensions.Caching.Distributed;
using Npgsql;
using NpgsqlTypes;

namespace HybridSpa.Web.SharedState.Postgres;

/// <summary>
/// <see cref="IDistributedCache"/> on PostgreSQL: the session and MSAL token cache every instance shares. Expiry is computed
/// with the database's clock, so instances with skewed clocks agree. Expired rows are never returned (every read filters on
/// <c>expires_at</c>) and are deleted in the background by <see cref="PostgresExpiredRowsCleanup"/>.
/// </summary>
public sealed class PostgresDistributedCache(PostgresConnector connector, TimeProvider timeProvider) : IDistributedCache
{
    // One statement reads the entry and slides its expiry, so a read and its refresh cannot be split by a concurrent writer.
    private static readonly string GetSql = $"""
        WITH hit AS (
            SELECT id, value, sliding_seconds, absolute_expires_at FROM {PostgresSchema.CacheTable}
            WHERE id = @id AND expires_at > now()
        ), slid AS (
            UPDATE {PostgresSchema.CacheTable} AS c SET expires_at = {SlidingExpiresAt("hit")}
            FROM hit WHERE c.id = hit.id AND hit.sliding_seconds IS NOT NULL
        )
        SELECT value FROM hit
        """;

    private static readonly string RefreshSql = $"""
        UPDATE {PostgresSchema.CacheTable} AS c SET expires_at = {SlidingExpiresAt("c")}
        WHERE c.id = @id AND c.expires_at > now() AND c.sliding_seconds IS NOT NULL
        """;

    private const string SetSql = $"""
        INSERT INTO {PostgresSchema.CacheTable} AS c (id, value, expires_at, sliding_seconds, absolute_expires_at)
        SELECT @id, @value, COALESCE(LEAST(now() + make_interval(secs => @sliding), a.at), 'infinity'), @sliding, a.at
        FROM (SELECT COALESCE(@absolute_at, now() + make_interval(secs => @absolute_in)) AS at) AS a
        ON CONFLICT (id) DO UPDATE SET value = EXCLUDED.value, expires_at = EXCLUDED.expires_at,
            sliding_seconds = EXCLUDED.sliding_seconds, absolute_expires_at = EXCLUDED.absolute_expires_at
        """;

    private const string RemoveSql = $"DELETE FROM {PostgresSchema.CacheTable} WHERE id = @id";

    /// <inheritdoc />
    public byte[]? Get(string key) => connector.QueryValue<byte[]>(GetSql, Id(key));

    /// <inheritdoc />
    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => connector.QueryValueAsync<byte[]>(GetSql, Id(key), token);

    /// <inheritdoc />
    public void Refresh(string key) => connector.Execute(RefreshSql, Id(key));

    /// <inheritdoc />
    public Task RefreshAsync(string key, CancellationToken token = default) => connector.ExecuteAsync(RefreshSql, Id(key), token);

    /// <inheritdoc />
    public void Remove(string key) => connector.Execute(RemoveSql, Id(key));

    /// <inheritdoc />
    public Task RemoveAsync(string key, CancellationToken token = default) => connector.ExecuteAsync(RemoveSql, Id(key), token);

    /// <inheritdoc />
    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => connector.Execute(SetSql, Entry(key, value, options));

    /// <inheritdoc />
    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        connector.ExecuteAsync(SetSql, Entry(key, value, options), token);

    private static Action<NpgsqlParameterCollection> Id(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return parameters => parameters.Add(new NpgsqlParameter<string>("id", key));
    }

    private Action<NpgsqlParameterCollection> Entry(string key, byte[] value, DistributedCacheEntryOptions options)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);

        // Same contract as MemoryDistributedCache: an entry that is expired on arrival is a caller's bug, not a no-op.
        if (options.AbsoluteExpiration is { } absolute && absolute <= timeProvider.GetUtcNow())
        {
            throw new ArgumentOutOfRangeException(nameof(options), absolute, "The absolute expiration value must be in the future.");
        }

        return parameters =>
        {
            parameters.Add(new NpgsqlParameter<string>("id", key));
            parameters.Add(new NpgsqlParameter<byte[]>("value", value));
            parameters.Add(Nullable("sliding", NpgsqlDbType.Double, options.SlidingExpiration?.TotalSeconds));
            parameters.Add(Nullable("absolute_at", NpgsqlDbType.TimestampTz, options.AbsoluteExpiration?.ToUniversalTime()));
            parameters.Add(Nullable("absolute_in", NpgsqlDbType.Double, options.AbsoluteExpirationRelativeToNow?.TotalSeconds));
        };
    }

    // The sliding window moves forward but never past the absolute expiry; no expiry at all is 'infinity'.
    private static string SlidingExpiresAt(string row) =>
        $"COALESCE(LEAST(now() + make_interval(secs => {row}.sliding_seconds), {row}.absolute_expires_at), 'infinity')";

    private static NpgsqlParameter Nullable(string name, NpgsqlDbType type, object? value) =>
        new(name, type) { Value = value ?? DBNull.Value };
}
