using System.Diagnostics;
using HybridSpa.Web.SharedState;
using HybridSpa.Web.SharedState.Postgres;

namespace HybridSpa.Web.Tests.ScaleOut;

/// <summary>
/// A throwaway PostgreSQL cluster: initdb in a temp directory, listening on 127.0.0.1 on a free port (its Unix socket in the
/// same directory), durability off for speed, stopped and deleted on dispose. PostgreSQL refuses to run as root, so when
/// the tests run as root (CI here) every PostgreSQL binary runs as the <c>postgres</c> user, who owns the directory.
/// </summary>
public sealed class PostgresCluster : ISharedStoreServer
{
    private const string SuperUser = "hybridspa";

    private string _root = null!;
    private string _binaries = null!;
    private int _port;

    /// <summary>An Npgsql connection string for the cluster's <c>postgres</c> database.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username={SuperUser};Database=postgres;Timeout=15;Command Timeout=15;Maximum Pool Size=40";

    public CacheProvider Provider => CacheProvider.Postgres;

    public IReadOnlyDictionary<string, string?> CacheSettings => CacheSettingsFor(ConnectionString);

    /// <summary>Whether the server is running (its pid file exists).</summary>
    public bool IsRunning => File.Exists(Path.Combine(DataDirectory, "postmaster.pid"));

    private static bool IsRoot => Environment.UserName == "root";

    private string DataDirectory => Path.Combine(_root, "data");

    public async Task InitializeAsync()
    {
        _binaries = PostgresPrerequisites.BinDirectory;
        _root = Directory.CreateTempSubdirectory("hybridspa-pg-").FullName;
        if (IsRoot)
        {
            await RunAsync("chown", ["postgres:", _root], asPostgres: false);
        }

        await RunAsync(Path.Combine(_binaries, "initdb"), ["-D", DataDirectory, "-U", SuperUser, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
        _port = LoopbackPorts.Free();
        await StartAsync();
    }

    /// <summary>Starts (or restarts) the server on the same data directory and port.</summary>
    public Task StartAsync() => RunAsync(Path.Combine(_binaries, "pg_ctl"),
    [
        "start", "-w", "-D", DataDirectory, "-l", Path.Combine(_root, "server.log"), "-o",
        $"-c listen_addresses=127.0.0.1 -c port={_port} -c unix_socket_directories={_root} -c max_connections=300 "
        + "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
    ]);

    /// <summary>Creates an empty database on the cluster and returns a connection string for it.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        // Unpooled: a pooled connection may predate a restart of the server by another test and be dead.
        await using (var connection = new Npgsql.NpgsqlConnection(ConnectionString + ";Pooling=false"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{name}\"";
            await create.ExecuteNonQueryAsync();
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    public async Task<IReadOnlyDictionary<string, string?>> CreateIsolatedStoreAsync()
    {
        var database = await CreateDatabaseAsync("isolated_" + Guid.NewGuid().ToString("N"));
        await using var stores = await PostgresStores.OpenAsync(database);
        return CacheSettingsFor(database);
    }

    public async Task<string> ReadStoredKeyRingAsync(IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var stores = await PostgresStores.OpenAsync(settings["Cache:ConnectionString"]!);
        return await stores.QueryAsync<string>($"SELECT string_agg(xml, '') FROM {PostgresSchema.DataProtectionKeysTable} WHERE friendly_name <> @id", "(none)") ?? "";
    }

    /// <summary>The <c>Cache</c> settings for another database of the cluster (see <see cref="CreateDatabaseAsync"/>).</summary>
    public static IReadOnlyDictionary<string, string?> CacheSettingsFor(string connectionString) => new Dictionary<string, string?>
    {
        ["Cache:Provider"] = nameof(CacheProvider.Postgres),
        ["Cache:ConnectionString"] = connectionString,
    };

    /// <summary>Stops the server as an operator would for maintenance (fast: sessions are terminated, data is kept).</summary>
    public Task StopAsync() => RunAsync(Path.Combine(_binaries, "pg_ctl"), ["stop", "-w", "-D", DataDirectory, "-m", "fast"]);

    public async Task DisposeAsync()
    {
        if (_root is null || !Directory.Exists(_root))
        {
            return;
        }

        if (IsRunning)
        {
            await RunAsync(Path.Combine(_binaries, "pg_ctl"), ["stop", "-w", "-D", DataDirectory, "-m", "immediate"]);
        }

        Directory.Delete(_root, recursive: true);
    }

    private static async Task RunAsync(string fileName, IReadOnlyList<string> arguments, bool asPostgres = true)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres && IsRoot)
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", "postgres", "--", fileName])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = fileName;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var hint = asPostgres && IsRoot ? " (run as the postgres user; Debian's postgresql package creates it)" : "";
            throw new InvalidOperationException(
                $"{Path.GetFileName(fileName)} {string.Join(' ', arguments)} exited with {process.ExitCode}{hint}:\n{await output}\n{await error}");
        }
    }
}
