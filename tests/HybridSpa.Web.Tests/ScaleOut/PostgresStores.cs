using HybridSpa.Web.SharedState.Postgres;
using Npgsql;

namespace HybridSpa.Web.Tests.ScaleOut;

/// <summary>The PostgreSQL stores on the test cluster, constructed directly, with the schema in place.</summary>
public sealed class PostgresStores : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgresStores(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        Connector = new PostgresConnector(dataSource);
    }

    public PostgresConnector Connector { get; }

    public static Task<PostgresStores> OpenAsync(PostgresCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return OpenAsync(cluster.ConnectionString);
    }

    /// <summary>The stores on another database of the cluster (see <see cref="PostgresCluster.CreateDatabaseAsync"/>).</summary>
    public static async Task<PostgresStores> OpenAsync(string connectionString)
    {
        var stores = new PostgresStores(NpgsqlDataSource.Create(connectionString));
        await stores.Connector.ExecuteAsync(PostgresSchema.CreateScriptLocked, null, CancellationToken.None);
        return stores;
    }

    /// <summary>Runs SQL the stores do not offer, to age rows.</summary>
    public Task ExecuteAsync(string sql, string id) =>
        Connector.ExecuteAsync(sql, p => p.Add(new NpgsqlParameter<string>("id", id)), CancellationToken.None);

    /// <summary>Runs SQL the stores do not offer, to look at rows.</summary>
    public Task<T?> QueryAsync<T>(string sql, string id) =>
        Connector.QueryValueAsync<T>(sql, p => p.Add(new NpgsqlParameter<string>("id", id)), CancellationToken.None);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
