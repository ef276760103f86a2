using System.Globalization;
using HybridSpa.Benchmarks.Harness;
using HybridSpa.EndToEnd.Tests.Harness;
using HybridSpa.EntraEmulator;
using HybridSpa.Benchmarks.Reporting;

namespace HybridSpa.Benchmarks.Server;

/// <summary>
/// Item 5: bytes per signed-in user in the app's <see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/> —
/// the MSAL.NET token cache entry (keyed by the home account id, encrypted by Identity.Web) and the session — after N users each
/// signed in once, measured right after the callbacks (the session still names the pending hand-off) and again after the
/// host page took the SPA codes. With <c>--provider postgres|redis --cache …</c> the app runs on that store, and the row also
/// says what those entries take in the store itself (<see cref="SharedStoreFootprint"/>).
/// </summary>
internal static class SignedInMemoryBenchmark
{
    // Identity.Web keys a user's token cache by MSAL's home account id, "{uid}.{utid}": two GUIDs; session keys are one.
    private static readonly System.Text.RegularExpressions.Regex TokenCacheKey = new(
        "^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\\.[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchmarkArguments arguments)
    {
        var signIns = arguments.Int("users", 100);
        var store = SharedStoreFootprint.From(arguments);
        MeasuringDistributedCache? cache = null;
        var directory = Enumerable.Range(1, signIns).Select(BenchmarkUser).ToList();
        store.ApplyToAppAboutToStart();
        await using var stack = new HybridSpaDeployment
        {
            ConfigureAppServices = services => MeasuringDistributedCache.Decorate(services, created => cache = created),
            ConfigureEmulator = options => options.Users.AddRange(directory),
        };
        await stack.InitializeAsync().ConfigureAwait(false);

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
            var tokenCacheStored = await store.StoredBytesAsync(cache!.Keys(IsTokenCache)).ConfigureAwait(false);
            var sessionsStored = await store.StoredBytesAsync(cache.Keys(key => !IsTokenCache(key))).ConfigureAwait(false);
            Console.WriteLine($"[memory] after callbacks: {afterCallback}; after first render: {steady}; in the store: token cache {tokenCacheStored} B, sessions {sessionsStored} B");
            return
            [
                new("5", $"**memory per signed-in user** in `IDistributedCache` on {store.Provider} ({signIns} users, one browser-less sign-in each)",
                    string.Create(CultureInfo.InvariantCulture, $"token cache {steady.TokenCacheBytesPerEntry:N0} B per account")
                    + SharedStoreFootprint.Describe(store.Provider, tokenCacheStored, steady.TokenCacheEntries)
                    + string.Create(CultureInfo.InvariantCulture, $" ({steady.TokenCacheEntries} entries); ")
                    + string.Create(CultureInfo.InvariantCulture, $"session {steady.SessionBytesPerEntry:N0} B per signed-in browser after the first render")
                    + SharedStoreFootprint.Describe(store.Provider, sessionsStored, steady.SessionEntries)
                    + " "
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

    private static bool IsTokenCache(string key) => TokenCacheKey.IsMatch(key);

    private static CacheSnapshot Snapshot(MeasuringDistributedCache cache)
    {
        var tokens = cache.Measure(IsTokenCache);
        var sessions = cache.Measure(key => !IsTokenCache(key));
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
