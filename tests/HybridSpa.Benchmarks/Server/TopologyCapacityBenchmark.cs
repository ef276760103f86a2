using System.Diagnostics;
using System.Globalization;
using HybridSpa.Benchmarks.Harness;
using HybridSpa.Benchmarks.Reporting;
using HybridSpa.EndToEnd.Tests.Topology;

namespace HybridSpa.Benchmarks.Server;

/// <summary>
/// Item 7: what the production topology serves through nginx (TLS at nginx, two published instances in Production, Redis):
/// the signed-in host page's requests/s (wrk) and complete sign-ins/s (a bounded loop of HTTP user agents: challenge, the
/// emulator's sign-in page, the callback, the host page taking the SPA code), with both instances up, then with one stopped.
/// The topology is the Topology tests' (its AppHost, through Aspire.Hosting.Testing), so what is measured is what they prove.
/// </summary>
internal static class TopologyCapacityBenchmark
{
    public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchmarkArguments arguments)
    {
        var slices = arguments.Int("slices", 4);
        var sliceSeconds = arguments.Int("slice-seconds", 6);
        var warmupSeconds = arguments.Int("warmup-seconds", 10);
        var connections = arguments.Int("connections", 64);
        var threads = arguments.Int("wrk-threads", Environment.ProcessorCount);
        var signInSeconds = arguments.Int("sign-in-seconds", 20);
        var signInWorkers = arguments.Int("sign-in-workers", 8);
        var wrk = Wrk.Find();
        var topology = new TopologyDeployment();
        await topology.InitializeAsync().ConfigureAwait(false);
        try
        {
            // wrk resolves names with the system resolver, which need not know *.localhost: it goes to nginx by address, and
            // nginx, the only site on that port, answers as for the public host.
            var viaAddress = new Uri($"https://127.0.0.1:{topology.PublicOrigin.Port}/");
            using var user = new HttpSignIn(topology.PublicOrigin, topology.Certificate);
            await user.SignInAsync(Deployments.Adele).ConfigureAwait(false);
            await user.HostPageBootstrapAsync().ConfigureAwait(false);
            var cookies = user.Cookies.GetCookieHeader(topology.PublicOrigin);

            var rows = new List<ResultRow>();
            foreach (var (label, mark) in new[] { ("both instances", "a"), ("one instance (web-2 stopped)", "b") })
            {
                if (mark == "b")
                {
                    await topology.StopAsync(TopologyDeployment.Instance2).ConfigureAwait(false);
                }

                var loadBefore = LoadAverage.Read();
                await wrk.RunAsync(viaAddress, cookies, threads, connections, TimeSpan.FromSeconds(warmupSeconds)).ConfigureAwait(false);
                var pages = new List<WrkSlice>();
                for (var slice = 0; slice < slices; slice++)
                {
                    pages.Add(await wrk.RunAsync(viaAddress, cookies, threads, connections, TimeSpan.FromSeconds(sliceSeconds)).ConfigureAwait(false));
                    Console.WriteLine($"[topology] {label}: host page slice {slice + 1}: {pages[^1].Brief()}; load average {LoadAverage.Read()}");
                }

                var signIns = await SignInLoopAsync(topology, signInWorkers, TimeSpan.FromSeconds(signInSeconds)).ConfigureAwait(false);
                var loadAfter = LoadAverage.Read();
                Console.WriteLine($"[topology] {label}: {signIns}; load average {loadBefore} before, {loadAfter} after");
                rows.Add(new("7" + mark, $"**through nginx**, {label}: signed-in host page `/` (wrk, {threads} threads, {connections} connections, {slices} × {sliceSeconds} s)",
                    string.Create(CultureInfo.InvariantCulture, $"{WrkSlice.Combine(pages)}; load average {loadBefore} before, {loadAfter} after")));
                rows.Add(new("7" + mark + "′", $"same, complete sign-ins ({signInWorkers} concurrent user agents for {signInSeconds} s; each: challenge, emulator, callback, host page)", signIns.ToString()));
            }

            await topology.StartAsync(TopologyDeployment.Instance2).ConfigureAwait(false);
            return rows;
        }
        finally
        {
            await topology.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Runs sign-ins back to back on <paramref name="workers"/> user agents until <paramref name="duration"/> is over.</summary>
    private static async Task<SignInRate> SignInLoopAsync(TopologyDeployment topology, int workers, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var failures = 0;
        var completed = await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            var count = 0;
            while (clock.Elapsed < duration)
            {
                using var user = new HttpSignIn(topology.PublicOrigin, topology.Certificate);
                try
                {
                    await user.SignInAsync(Deployments.Adele).ConfigureAwait(false);
                    if ((await user.HostPageBootstrapAsync().ConfigureAwait(false)).SpaCode is null)
                    {
                        throw new InvalidOperationException("The host page rendered no SPA code after a sign-in.");
                    }

                    count++;
                }
                catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failures);
                }
            }

            return count;
        })).ConfigureAwait(false);
        return new SignInRate(completed.Sum(), failures, clock.Elapsed);
    }

    private sealed record SignInRate(int Completed, int Failed, TimeSpan Elapsed)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Completed / Elapsed.TotalSeconds:0.0} sign-ins/s ({Completed} in {Elapsed.TotalSeconds:0.0} s, {Failed} failed)");
    }
}
