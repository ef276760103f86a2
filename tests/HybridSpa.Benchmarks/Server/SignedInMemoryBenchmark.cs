using System.Globalization;
using HybridSpa.Benchmarks.Harness;
using HybridSpa.EntraEmulator;
using HybridSpa.Benchmarks.Reporting;

namespace HybridSpa.Benchmarks.Server;

/// <summary>
/// Item 5: bytes per signed-in user in the app's <see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/> —
/// the MSAL.NET token cache entry (<c>msal.user.*</c>, Data Protection-protected) and the session — after N users each
/// signed in once, measured right after the callbacks (the session still names the pending hand-off) and again after the
/// host page took the SPA codes.
/// </summary>
internal static class SignedInMemoryBenchmark
{
    private const string TokenCachePrefix = "msal.user.";

    public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchmarkArguments arguments)
    {
        var signIns = arguments.Int("users", 100);
        MeasuringDistributedCache? cache = null;
        var directory = Enumerable.Range(1, signIns).Select(BenchmarkUser).ToList();
        await using var stack = await Deployments.StartAsync(
            configureAppServices: services => MeasuringDistributedCache.Decorate(services, created => cache = created),
            configureEmulator: options => options.Users.AddRange(directory)).ConfigureAwait(false);

        var users = new List<HttpSignIn>();
        try
        {
            foreach (var account in directory)
            {
                var user = new HttpSignIn(stack);
                users.Add(user);
                await user.SignInAsync(account.ObjectId).ConfigureAwait(false);
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
                new("5", $"**memory per signed-in user** in `IDistributedCache` ({signIns} users, one browser-less sign-in each)",
                    string.Create(CultureInfo.InvariantCulture, $"token cache {steady.TokenCacheBytesPerEntry:N0} B per account ({steady.TokenCacheEntries} entries); ")
                    + string.Create(CultureInfo.InvariantCulture, $"session {steady.SessionBytesPerEntry:N0} B per signed-in browser after the first render ")
                    + string.Create(CultureInfo.InvariantCulture, $"({afterCallback.SessionBytesPerEntry:N0} B between callback and first render, while it names the pending hand-off; {steady.SessionEntries} sessions)")),
            ];
        }
        finally
        {
            users.ForEach(user => user.Dispose());
        }
    }

    /// <summary>A work account like the Development users: no password, consent granted by the app's defaults.</summary>
    private static TestUser BenchmarkUser(int number) => new()
    {
        ObjectId = new Guid(0x6e6c0000 + number, 0x4b1d, 0x4c2a, 0x9b, 0x3e, 0x1f, 0x2a, 0x3b, 0x4c, 0x5d, 0x6e).ToString(),
        UserPrincipalName = string.Create(CultureInfo.InvariantCulture, $"bench.user{number}@hybridspa.onmicrosoft.com"),
        DisplayName = string.Create(CultureInfo.InvariantCulture, $"Bench User {number}"),
        Mail = string.Create(CultureInfo.InvariantCulture, $"bench.user{number}@hybridspa.onmicrosoft.com"),
    };

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
