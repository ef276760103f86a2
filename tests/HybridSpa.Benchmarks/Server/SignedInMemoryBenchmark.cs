using System.Globalization;
using HybridSpa.Benchmarks.Harness;
using HybridSpa.Benchmarks.Reporting;

namespace HybridSpa.Benchmarks.Server;

/// <summary>
/// Item 5: bytes per signed-in user in the app's <see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/> —
/// the MSAL.NET token cache entry (<c>msal.user.*</c>, Data Protection-protected) and the session — after N sign-ins,
/// once right after the callback (the session still holds the SPA code) and once after the host page took it.
/// </summary>
internal static class SignedInMemoryBenchmark
{
    private const string TokenCachePrefix = "msal.user.";

    public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchmarkArguments arguments)
    {
        var signIns = arguments.Int("users", 100);
        MeasuringDistributedCache? cache = null;
        await using var stack = await Deployments.StartAsync(configureAppServices: services =>
            MeasuringDistributedCache.Decorate(services, created => cache = created)).ConfigureAwait(false);

        var users = new List<HttpSignIn>();
        try
        {
            for (var i = 0; i < signIns; i++)
            {
                var user = new HttpSignIn(stack);
                users.Add(user);
                await user.SignInAsync(Deployments.Adele).ConfigureAwait(false);
            }

            var afterCallback = Snapshot(cache!);
            foreach (var user in users)
            {
                await user.HostPageBootstrapAsync().ConfigureAwait(false);
            }

            var steady = Snapshot(cache!);
            Console.WriteLine($"[memory] after callbacks: {afterCallback}; after first render: {steady}");
            return
            [
                new("5", $"**memory per signed-in user** in `IDistributedCache` ({signIns} browser-less sign-ins of one account)",
                    string.Create(CultureInfo.InvariantCulture, $"token cache {steady.TokenCacheBytesPerEntry:N0} B per account ({steady.TokenCacheEntries} entry); ")
                    + string.Create(CultureInfo.InvariantCulture, $"session {steady.SessionBytesPerEntry:N0} B per signed-in browser after the first render ")
                    + string.Create(CultureInfo.InvariantCulture, $"({afterCallback.SessionBytesPerEntry:N0} B between callback and first render, while it holds the SPA code; {steady.SessionEntries} sessions)")),
            ];
        }
        finally
        {
            users.ForEach(user => user.Dispose());
        }
    }

    private static CacheSnapshot Snapshot(MeasuringDistributedCache cache)
    {
        var tokens = cache.Measure(key => key.StartsWith(TokenCachePrefix, StringComparison.Ordinal));
        var sessions = cache.Measure(key => !key.StartsWith(TokenCachePrefix, StringComparison.Ordinal));
        return new CacheSnapshot(tokens.Entries, tokens.Bytes, sessions.Entries, sessions.Bytes);
    }

    private sealed record CacheSnapshot(int TokenCacheEntries, long TokenCacheBytes, int SessionEntries, long SessionBytes)
    {
        public double TokenCacheBytesPerEntry => TokenCacheEntries == 0 ? 0 : (double)TokenCacheBytes / TokenCacheEntries;

        public double SessionBytesPerEntry => SessionEntries == 0 ? 0 : (double)SessionBytes / SessionEntries;

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{TokenCacheEntries} token cache entries ({TokenCacheBytes:N0} B), {SessionEntries} sessions ({SessionBytes:N0} B)");
    }
}
