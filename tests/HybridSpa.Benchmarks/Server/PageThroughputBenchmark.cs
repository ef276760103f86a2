using System.Globalization;
using System.Net;
using HybridSpa.Benchmarks.Harness;
using HybridSpa.Benchmarks.Reporting;
using HybridSpa.EndToEnd.Tests.Harness;
using HybridSpa.EntraEmulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HybridSpa.Benchmarks.Server;

/// <summary>
/// Item 3: requests/s and latency of the authenticated SPA host page (<c>/</c>, steady state: the SPA code was already taken)
/// next to an anonymous Razor page of the same app (<c>/account/signed-out</c>), same app instance, same run. The load comes
/// from Debian's <c>wrk</c>, a separate process, over HTTPS with a signed-in user's cookies on N keep-alive connections; the
/// two pages alternate in short slices (one wrk run each), so load from outside the benchmark falls on both alike.
/// </summary>
internal static class PageThroughputBenchmark
{
    private const string HostPage = "/";
    private const string AnonymousPage = "/account/signed-out";

    public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchmarkArguments arguments)
    {
        var slices = arguments.Int("slices", 10);
        var sliceSeconds = arguments.Int("slice-seconds", 6);
        var warmupSeconds = arguments.Int("warmup-seconds", 10);
        var connections = arguments.Int("connections", 64);
        var threads = arguments.Int("wrk-threads", Environment.ProcessorCount);
        var logFilter = arguments.String("app-log-filter", string.Empty);
        var holdFile = arguments.String("hold", string.Empty);
        var otherFile = arguments.String("compare-with", string.Empty);
        var wrk = Wrk.Find();
        await using var stack = await Deployments.StartAsync(configureAppServices: LogFilter(logFilter)).ConfigureAwait(false);
        using var user = new HttpSignIn(stack);
        await user.SignInAsync(Deployments.Adele).ConfigureAwait(false);
        await user.HostPageBootstrapAsync().ConfigureAwait(false);

        // wrk sends what the browser would: every cookie the app set (authentication, session), on both pages.
        var cookies = user.Cookies.GetCookieHeader(stack.AppOrigin);
        var hostBytes = await CheckPageAsync(stack.AppOrigin, cookies, HostPage, "id=\"hybridspa-bootstrap\"").ConfigureAwait(false);
        var anonymousBytes = await CheckPageAsync(stack.AppOrigin, cookies, AnonymousPage, "</html>").ConfigureAwait(false);
        if (holdFile.Length > 0)
        {
            await HoldAsync(holdFile, stack.AppOrigin, cookies).ConfigureAwait(false);
            return [];
        }

        // With --compare-with, another build's app (held by `throughput --hold FILE` in its own process) is loaded in the same
        // alternation, so the machine's load falls on both builds alike: this instance, then the other, then the other way round.
        var targets = new List<Target> { new("this", stack.AppOrigin, cookies) };
        if (otherFile.Length > 0)
        {
            var held = await ReadHeldAsync(otherFile).ConfigureAwait(false);
            targets.Add(new("other", new Uri(held[0]), held[1])); // the holder checked its pages before it wrote the file
        }

        var loadBefore = LoadAverage.Read();
        Console.WriteLine($"[throughput] wrk, {threads} threads, {connections} connections, {warmupSeconds} s warm-up then {slices} × {sliceSeconds} s per page, alternating; load average {loadBefore}"
            + (logFilter.Length > 0 ? $"; app log filter {logFilter}" : string.Empty) + (otherFile.Length > 0 ? $"; compared with {targets[1].Origin}" : string.Empty));
        // Long enough for the JIT's tiering (tier 0, instrumented, optimized) to finish under load: with 3 s the first measured
        // slice of the host page still ran at about half the speed of the later ones.
        var warmup = TimeSpan.FromSeconds(warmupSeconds);
        foreach (var target in targets)
        {
            await wrk.RunAsync(new Uri(target.Origin, HostPage), target.Cookies, threads, connections, warmup).ConfigureAwait(false);
            await wrk.RunAsync(new Uri(target.Origin, AnonymousPage), target.Cookies, threads, connections, warmup).ConfigureAwait(false);
        }

        for (var slice = 0; slice < slices; slice++)
        {
            var order = slice % 2 == 0 ? targets : Enumerable.Reverse(targets).ToList();
            foreach (var page in new[] { HostPage, AnonymousPage })
            {
                foreach (var target in order)
                {
                    var result = await wrk.RunAsync(new Uri(target.Origin, page), target.Cookies, threads, connections, TimeSpan.FromSeconds(sliceSeconds)).ConfigureAwait(false);
                    (page == HostPage ? target.Host : target.Anonymous).Add(result);
                }
            }

            Console.WriteLine($"[throughput] slice {slice + 1}: "
                + string.Join("; ", targets.Select(t => $"{t.Name} host {t.Host[^1].Brief()}, anonymous {t.Anonymous[^1].Brief()}, ratio {Ratio(t.Host[^1], t.Anonymous[^1])}"))
                + $"; load average {LoadAverage.Read()}");
        }

        var loadAfter = LoadAverage.Read();
        var rows = new List<ResultRow>();
        foreach (var target in targets)
        {
            var host = WrkSlice.Combine(target.Host);
            var anonymous = WrkSlice.Combine(target.Anonymous);
            var ratios = target.Host.Zip(target.Anonymous, (h, a) => h.RequestsPerSecond / a.RequestsPerSecond).Order().ToList();
            var ratio = string.Create(CultureInfo.InvariantCulture, $"{Ratio(host, anonymous)} (slices {ratios[0]:0.00}–{ratios[^1]:0.00})");
            Console.WriteLine($"[throughput] {target.Name}: host page {host}");
            Console.WriteLine($"[throughput] {target.Name}: anonymous {anonymous}");
            Console.WriteLine($"[throughput] {target.Name}: ratio host/anonymous {ratio}; load average {loadBefore} before, {loadAfter} after");
            var mark = target.Name == "this" ? string.Empty : "′";
            var of = target.Name == "this" ? string.Empty : $" of the other build ({target.Origin})";
            rows.Add(new("3a" + mark, $"**page throughput**, authenticated SPA host page `/`{of} (wrk, {threads} threads, {connections} connections, HTTPS, signed-in cookies, {warmupSeconds} s warm-up, then {slices} × {sliceSeconds} s slices alternating with 3b)",
                string.Create(CultureInfo.InvariantCulture, $"{host}") + (target.Name == "this" ? string.Create(CultureInfo.InvariantCulture, $"; {hostBytes:N0} B body") : string.Empty)));
            rows.Add(new("3b" + mark, $"same, anonymous Razor page `{AnonymousPage}`{of}",
                string.Create(CultureInfo.InvariantCulture, $"{anonymous}") + (target.Name == "this" ? string.Create(CultureInfo.InvariantCulture, $"; {anonymousBytes:N0} B body") : string.Empty)));
            rows.Add(new("3" + mark, $"ratio host / anonymous (requests/s){of}", $"{ratio}; load average {loadBefore} before, {loadAfter} after"));
        }

        if (targets.Count == 2)
        {
            var pairs = new[] { ("host page", targets[0].Host, targets[1].Host), ("anonymous page", targets[0].Anonymous, targets[1].Anonymous) };
            rows.Add(new("3″", "this build / the other (requests/s, same slices)", string.Join("; ", pairs.Select(p =>
                $"{p.Item1} {Ratio(WrkSlice.Combine(p.Item2), WrkSlice.Combine(p.Item3))}"))));
        }

        return rows;
    }

    private static string Ratio(WrkSlice a, WrkSlice b) => string.Create(CultureInfo.InvariantCulture, $"{a.RequestsPerSecond / b.RequestsPerSecond:0.00}");

    /// <summary>Writes the app's origin and the signed-in cookies to <paramref name="file"/> and keeps the app up until the file is deleted.</summary>
    private static async Task HoldAsync(string file, Uri origin, string cookies)
    {
        var written = file + ".writing";
        await File.WriteAllLinesAsync(written, [origin.AbsoluteUri, cookies]).ConfigureAwait(false);
        File.Move(written, file, overwrite: true); // whole or not at all, for the other process
        Console.WriteLine($"[throughput] holding {origin} signed in; delete {file} to stop");
        while (File.Exists(file))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500)).ConfigureAwait(false);
        }
    }

    /// <summary>Waits (up to five minutes: the holder builds and signs in first) for the file <see cref="HoldAsync"/> writes.</summary>
    private static async Task<string[]> ReadHeldAsync(string file)
    {
        for (var waited = 0; !File.Exists(file); waited++)
        {
            if (waited == 600)
            {
                throw new InvalidOperationException($"{file} did not appear: start `throughput --hold {file}` in the other worktree first.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500)).ConfigureAwait(false);
        }

        return await File.ReadAllLinesAsync(file).ConfigureAwait(false);
    }

    /// <summary>One app instance under load: where it is, the signed-in cookies, and its slices per page.</summary>
    private sealed record Target(string Name, Uri Origin, string Cookies)
    {
        public List<WrkSlice> Host { get; } = [];

        public List<WrkSlice> Anonymous { get; } = [];
    }

    /// <summary>
    /// <c>--app-log-filter Category=Level</c>: one more logging rule for the app, after its own (so it wins for that exact
    /// category), to see what a log line per request costs; none by default — the app is measured as it is configured.
    /// </summary>
    private static Action<IServiceCollection>? LogFilter(string filter)
    {
        if (filter.Length == 0)
        {
            return null;
        }

        var parts = filter.Split('=', 2);
        var level = parts.Length == 2 && Enum.TryParse<LogLevel>(parts[1], ignoreCase: true, out var parsed)
            ? parsed
            : throw new ArgumentException($"--app-log-filter takes Category=Level, not {filter}.", nameof(filter));
        return services => services.Configure<LoggerFilterOptions>(options => options.Rules.Add(new LoggerFilterRule(null, parts[0], level, null)));
    }

    /// <summary>
    /// GETs <paramref name="path"/> the way wrk will (only the Cookie header, no cookie jar) and checks it is the page, not a
    /// redirect to sign-in: wrk counts 3xx answers as successes. Returns the body's length.
    /// </summary>
    private static async Task<int> CheckPageAsync(Uri origin, string cookies, string path, string marker)
    {
        using var handler = EntraEmulatorConnectivity.CreateHandler(TestCertificate.Instance);
        handler.UseCookies = false;
        handler.AllowAutoRedirect = false;
        using var client = new HttpClient(handler) { BaseAddress = origin };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookies);
        using var response = await client.SendAsync(request).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.OK && body.Contains(marker, StringComparison.Ordinal)
            ? System.Text.Encoding.UTF8.GetByteCount(body)
            : throw new InvalidOperationException($"{path} with the signed-in cookies answered {(int)response.StatusCode} without the page.");
    }
}
