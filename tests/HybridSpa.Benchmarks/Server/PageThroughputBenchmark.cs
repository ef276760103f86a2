using System.Diagnostics;
using System.Globalization;
using System.Net;
using HybridSpa.Benchmarks.Harness;
using HybridSpa.Benchmarks.Reporting;

namespace HybridSpa.Benchmarks.Server;

/// <summary>
/// Item 3: requests/s and latency of the authenticated SPA host page (<c>/</c>, steady state: the SPA code was already taken)
/// next to an anonymous Razor page of the same app (<c>/account/signed-out</c>), same app instance, same run, a C# client
/// holding a signed-in user's cookies on N concurrent HTTP/1.1 connections.
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
        var host = await LoadAsync(user.Client, HostPage, connections, TimeSpan.FromSeconds(seconds)).ConfigureAwait(false);
        var anonymous = await LoadAsync(user.Client, AnonymousPage, connections, TimeSpan.FromSeconds(seconds)).ConfigureAwait(false);
        Console.WriteLine($"[throughput] host page {host}");
        Console.WriteLine($"[throughput] anonymous {anonymous}");
        return
        [
            new("3a", $"**page throughput**, authenticated SPA host page `/` ({connections} connections, {seconds} s, client in the same process)", host.ToString()),
            new("3b", $"same, anonymous Razor page `{AnonymousPage}`", anonymous.ToString()),
            new("3", "ratio host / anonymous (requests/s)", string.Create(CultureInfo.InvariantCulture, $"{host.RequestsPerSecond / anonymous.RequestsPerSecond:0.00}")),
        ];
    }

    private static async Task<LoadResult> LoadAsync(HttpClient client, string path, int connections, TimeSpan duration)
    {
        var latencies = new List<double>[connections];
        var failures = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            while (Stopwatch.GetElapsedTime(started) < duration)
            {
                var sent = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative)).ConfigureAwait(false);
                await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
                mine.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = new Distribution(latencies.SelectMany(l => l));
        return new LoadResult(all.Count / elapsed, all, failures);
    }

    private sealed record LoadResult(double RequestsPerSecond, Distribution Latency, int Failures)
    {
        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{RequestsPerSecond:N0} requests/s; latency p50 {Latency.Median:0.0} ms, p99 {Latency.Percentile(99):0.0} ms (n={Latency.Count})")
            + (Failures > 0 ? $"; {Failures} non-200 answers" : string.Empty);
    }
}
