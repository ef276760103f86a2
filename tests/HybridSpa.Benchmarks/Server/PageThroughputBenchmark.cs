using System.Diagnostics;
using System.Globalization;
using System.Net;
using HybridSpa.Benchmarks.Harness;
using HybridSpa.Benchmarks.Reporting;

namespace HybridSpa.Benchmarks.Server;

/// <summary>
/// Item 3: requests/s and latency of the authenticated SPA host page (<c>/</c>, steady state: the SPA code was already taken)
/// next to an anonymous Razor page of the same app (<c>/account/signed-out</c>), same app instance, same run, a C# client
/// holding a signed-in user's cookies on N concurrent HTTP/1.1 connections. The two pages alternate in one-second slices,
/// so load from outside the benchmark falls on both alike.
/// </summary>
internal static class PageThroughputBenchmark
{
    private const string HostPage = "/";
    private const string AnonymousPage = "/account/signed-out";

    public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchmarkArguments arguments)
    {
        var seconds = arguments.Int("seconds", 10);
        var connections = arguments.Int("connections", 64);
        await using var stack = await Deployments.StartAsync().ConfigureAwait(false);
        using var user = new HttpSignIn(stack, maxConnections: connections);
        await user.SignInAsync(Deployments.Adele).ConfigureAwait(false);
        await user.HostPageBootstrapAsync().ConfigureAwait(false);

        await LoadAsync(user.Client, HostPage, connections, TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        await LoadAsync(user.Client, AnonymousPage, connections, TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        var hostSlices = new List<LoadResult>();
        var anonymousSlices = new List<LoadResult>();
        for (var slice = 0; slice < seconds; slice++)
        {
            hostSlices.Add(await LoadAsync(user.Client, HostPage, connections, TimeSpan.FromSeconds(1)).ConfigureAwait(false));
            anonymousSlices.Add(await LoadAsync(user.Client, AnonymousPage, connections, TimeSpan.FromSeconds(1)).ConfigureAwait(false));
        }

        var host = LoadResult.Combine(hostSlices);
        var anonymous = LoadResult.Combine(anonymousSlices);
        Console.WriteLine($"[throughput] host page {host}");
        Console.WriteLine($"[throughput] anonymous {anonymous}");
        return
        [
            new("3a", $"**page throughput**, authenticated SPA host page `/` ({connections} connections, {seconds} × 1 s slices alternating with 3b, C# client in the same process)", host.ToString()),
            new("3b", $"same, anonymous Razor page `{AnonymousPage}`", anonymous.ToString()),
            new("3", "ratio host / anonymous (requests/s)", string.Create(CultureInfo.InvariantCulture, $"{host.RequestsPerSecond / anonymous.RequestsPerSecond:0.00}")),
        ];
    }

    private static async Task<LoadResult> LoadAsync(HttpClient client, string path, int connections, TimeSpan duration)
    {
        var latencies = new List<double>[connections];
        var failures = 0;
        long bytes = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            while (Stopwatch.GetElapsedTime(started) < duration)
            {
                var sent = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative)).ConfigureAwait(false);
                var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                mine.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                Interlocked.Add(ref bytes, body.Length);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ConfigureAwait(false);
        var all = latencies.SelectMany(l => l).ToList();
        return new LoadResult(Stopwatch.GetElapsedTime(started).TotalSeconds, all, bytes / all.Count, failures);
    }

    private sealed record LoadResult(double Seconds, List<double> LatenciesMs, long BodyBytes, int Failures)
    {
        public double RequestsPerSecond => LatenciesMs.Count / Seconds;

        private Distribution Latency => new(LatenciesMs);

        public static LoadResult Combine(List<LoadResult> slices) =>
            new(slices.Sum(s => s.Seconds), [.. slices.SelectMany(s => s.LatenciesMs)], slices[0].BodyBytes, slices.Sum(s => s.Failures));

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{RequestsPerSecond:N0} requests/s; latency p50 {Latency.Median:0.0} ms, p99 {Latency.Percentile(99):0.0} ms (n={Latency.Count}); {BodyBytes:N0} B body")
            + (Failures > 0 ? $"; {Failures} non-200 answers" : string.Empty);
    }
}
