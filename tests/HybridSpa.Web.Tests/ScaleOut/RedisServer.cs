using System.Diagnostics;
using System.Security.Cryptography;
using HybridSpa.Web.SharedState;
using HybridSpa.Web.SharedState.Redis;
using StackExchange.Redis;

namespace HybridSpa.Web.Tests.ScaleOut;

/// <summary>
/// A throwaway Redis server: <c>redis-server</c> in a temp directory, bound to 127.0.0.1 on a free port, with a random password,
/// append-only persistence on (as docs/scale-out.md requires, so a restart keeps sessions, tokens and the key ring), stopped and
/// deleted on dispose. Each test that needs a key ring of its own takes another logical database (<see cref="CreateIsolatedStoreAsync"/>).
/// </summary>
public sealed class RedisServer : ISharedStoreServer
{
    private const int Databases = 64;

    private readonly string _password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    /// <summary>The <c>requirepass</c> secret, for tests that check it never leaks.</summary>
    public string Password => _password;
    private string _root = null!;
    private string _binary = null!;
    private int _port;
    private int _lastDatabase;
    private Process? _process;

    public CacheProvider Provider => CacheProvider.Redis;

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>
    /// A StackExchange.Redis connection string for database 0. A stopped server refuses connections at once; the command timeouts
    /// only have to outlast a slow answer from a machine busy with 50 concurrent sign-ins.
    /// </summary>
    public string ConnectionString => ConnectionStringFor(0);

    public IReadOnlyDictionary<string, string?> CacheSettings => CacheSettingsFor(ConnectionString);

    private string LogFile => Path.Combine(_root, "redis.log");

    public async Task InitializeAsync()
    {
        _binary = RedisPrerequisites.Binary;
        _root = Directory.CreateTempSubdirectory("hybridspa-redis-").FullName;
        _port = LoopbackPorts.Free();
        await StartAsync();
    }

    /// <summary>A logical database no other test uses.</summary>
    public Task<IReadOnlyDictionary<string, string?>> CreateIsolatedStoreAsync()
    {
        var database = Interlocked.Increment(ref _lastDatabase);
        if (database >= Databases)
        {
            throw new InvalidOperationException($"More than {Databases - 1} isolated databases requested: raise {nameof(Databases)}.");
        }

        return Task.FromResult<IReadOnlyDictionary<string, string?>>(CacheSettingsFor(ConnectionStringFor(database)));
    }

    public async Task<string> ReadStoredKeyRingAsync(IReadOnlyDictionary<string, string?> settings)
    {
        using var client = await ConnectAsync(settings);
        var keys = await client.GetDatabase().ListRangeAsync(RedisKeys.DataProtectionKeys);
        return string.Concat(keys.Select(key => (string?)key));
    }

    /// <summary>A connection for looking at what the app stored (the app's own keys, in the database the settings name).</summary>
    public static Task<ConnectionMultiplexer> ConnectAsync(IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return ConnectionMultiplexer.ConnectAsync(settings["Cache:Redis:Configuration"]!);
    }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(_binary) { UseShellExecute = false, WorkingDirectory = _root };
        foreach (var argument in (string[])
        [
            "--bind", "127.0.0.1", "--port", _port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--protected-mode", "yes",
            "--requirepass", _password, "--dir", _root, "--logfile", LogFile, "--daemonize", "no",
            "--databases", Databases.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--appendonly", "yes", "--appendfsync", "everysec", "--save", "",
        ])
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {_binary}.");
        await WaitUntilAnsweringAsync();
    }

    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        // SHUTDOWN, as an operator would: Redis writes the append-only file out and exits; the reply never comes.
        using (var admin = await ConnectionMultiplexer.ConnectAsync(AdminConnectionString()))
        {
            try
            {
                await admin.GetDatabase().ExecuteAsync("SHUTDOWN");
            }
            catch (RedisConnectionException)
            {
                // The server closed the connection: that is the shutdown.
            }
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
            _process.Dispose();
        }

        if (_root is not null && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static Dictionary<string, string?> CacheSettingsFor(string configuration) => new()
    {
        ["Cache:Provider"] = nameof(CacheProvider.Redis),
        ["Cache:Redis:Configuration"] = configuration,
    };

    private string ConnectionStringFor(int database) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"127.0.0.1:{_port},password={_password},defaultDatabase={database},connectTimeout=2000,syncTimeout=20000,asyncTimeout=20000");

    private string AdminConnectionString() => ConnectionStringFor(0) + ",allowAdmin=true";

    private async Task WaitUntilAnsweringAsync()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with {_process.ExitCode}:\n{ReadLog()}");
            }

            try
            {
                using var client = await ConnectionMultiplexer.ConnectAsync(ConnectionString);
                await client.GetDatabase().PingAsync();
                return;
            }
            catch (Exception ex) when (ex is RedisConnectionException or RedisServerException)
            {
                // Not listening yet, or still loading its append-only file.
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"redis-server did not answer on 127.0.0.1:{_port}:\n{ReadLog()}");
    }

    private string ReadLog() => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no log)";
}
