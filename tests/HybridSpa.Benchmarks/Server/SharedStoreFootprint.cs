using System.Globalization;
using HybridSpa.Web.SharedState;
using HybridSpa.Web.SharedState.Postgres;
using HybridSpa.Web.SharedState.Redis;
using Npgsql;
using StackExchange.Redis;

namespace HybridSpa.Benchmarks.Server;

/// <summary>
/// Item 5's <c>--provider</c>: the store the app runs on (<c>memory</c>, or <c>postgres</c> / <c>redis</c> with <c>--cache</c>
/// naming a running, empty store), and what the entries it wrote take in that store, per entry — the store's own accounting,
/// which the payload sizes the app sees do not include: keys, per-entry overhead, the expiry fields.
/// </summary>
internal sealed class SharedStoreFootprint
{
    private SharedStoreFootprint(CacheProvider provider, string? configuration)
    {
        Provider = provider;
        Configuration = configuration;
    }

    public CacheProvider Provider { get; }

    private string? Configuration { get; }

    /// <summary>
    /// Puts the app this process starts next on this store. The deployment's <c>AppSettings</c> reach the app only once it is
    /// built (dotnet/aspnetcore#37680), after Program has read <c>Cache:Provider</c> to register the stores; environment
    /// variables are read when its builder is created, so they are in time.
    /// </summary>
    public void ApplyToAppAboutToStart()
    {
        Environment.SetEnvironmentVariable("Cache__Provider", Provider.ToString());
        Environment.SetEnvironmentVariable("Cache__ConnectionString", Provider == CacheProvider.Postgres ? Configuration : null);
        Environment.SetEnvironmentVariable("Cache__Redis__Configuration", Provider == CacheProvider.Redis ? Configuration : null);
    }

    public static SharedStoreFootprint From(BenchmarkArguments arguments)
    {
        var provider = Enum.Parse<CacheProvider>(arguments.String("provider", nameof(CacheProvider.Memory)), ignoreCase: true);
        var cache = arguments.String("cache", "");
        if (provider != CacheProvider.Memory && cache.Length == 0)
        {
            throw new ArgumentException(
                "--provider postgres|redis needs --cache: an Npgsql connection string to an empty database, or a StackExchange.Redis connection string to an empty Redis.");
        }

        return new SharedStoreFootprint(provider, cache);
    }

    /// <summary>Bytes the store holds for <paramref name="keys"/> (as the app names them), or null in memory (not measurable there).</summary>
    public async Task<long?> StoredBytesAsync(IReadOnlyList<string> keys)
    {
        switch (Provider)
        {
            case CacheProvider.Postgres:
                // The row as stored (id, value, expiry columns, tuple header); the primary key and expiry indexes come on top.
                await using (var dataSource = NpgsqlDataSource.Create(Configuration!))
                await using (var command = dataSource.CreateCommand($"SELECT COALESCE(sum(pg_column_size(c.*)), 0)::bigint FROM {PostgresSchema.CacheTable} c WHERE id = ANY(@ids)"))
                {
                    command.Parameters.Add(new NpgsqlParameter<string[]>("ids", [.. keys]));
                    return (long)(await command.ExecuteScalarAsync().ConfigureAwait(false))!;
                }

            case CacheProvider.Redis:
                // MEMORY USAGE: Redis's own count of the key, its hash and their allocations.
                using (var redis = await ConnectionMultiplexer.ConnectAsync(Configuration!).ConfigureAwait(false))
                {
                    var database = redis.GetDatabase();
                    long total = 0;
                    foreach (var key in keys)
                    {
                        total += (long)await database.ExecuteAsync("MEMORY", "USAGE", RedisKeys.CachePrefix + key, "SAMPLES", "0").ConfigureAwait(false);
                    }

                    return total;
                }

            default:
                return null;
        }
    }

    /// <summary>", 1,234 B per entry in Postgres", or nothing in memory.</summary>
    public static string Describe(CacheProvider provider, long? storedBytes, int entries) =>
        storedBytes is { } bytes && entries > 0
            ? string.Create(CultureInfo.InvariantCulture, $", {(double)bytes / entries:N0} B per entry in {provider}")
            : "";
}
