using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using HybridSpa.Benchmarks.Harness;
using HybridSpa.Benchmarks.Reporting;
using HybridSpa.EndToEnd.Tests.Browser;
using HybridSpa.EndToEnd.Tests.Harness;
using HybridSpa.EntraEmulator;
using static HybridSpa.EndToEnd.Tests.Harness.JourneySteps;

namespace HybridSpa.Benchmarks.Browser;

/// <summary>
/// Item 1: the SPA's time to its first Graph token after the server sign-in, in Chromium, each sample on a fresh profile:
/// (a) hybrid — acquireTokenByCode with the server-rendered SPA code; (b) classic — the same SPA with no code
/// (AzureAd:WithSpaAuthCode=false), ssoSilent through a hidden iframe; (c) the floor — one bare CORS POST of a fresh,
/// valid SPA code to the same token endpoint from a loaded page of the app. Modes are interleaved so load noise hits all.
/// Every sample runs on a persistent profile (only those honour the host page's preconnect) that has finished starting up
/// (<see cref="SampleBrowsers"/>), and nothing Playwright injects runs in the host page until its token response has
/// arrived: the harness waits on network events until then.
/// </summary>
internal static partial class FirstTokenBenchmark
{
    private const string FloorScript = """
        async ({ url, body }) => {
          // Warm the connection the way msal-browser's initialize does, so the floor is the request, not the TLS handshake.
          const link = Object.assign(document.createElement('link'), { rel: 'preconnect', href: new URL(url).origin, crossOrigin: 'anonymous' });
          document.head.appendChild(link);
          await new Promise(resolve => setTimeout(resolve, 250));
          const response = await fetch(url, { method: 'POST', body: new URLSearchParams(body) });
          const json = await response.json();
          let entry;
          for (let i = 0; i < 50 && entry === undefined; i++) {
            entry = performance.getEntriesByType('resource').filter(e => e.name === url).at(-1);
            if (entry === undefined) await new Promise(resolve => setTimeout(resolve, 1));
          }
          return { status: response.status, token: typeof json.access_token === 'string', ms: entry.responseEnd - entry.startTime };
        }
        """;

    public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchmarkArguments arguments)
    {
        var samples = arguments.Int("samples", 20);
        var warmup = arguments.Int("warmup", 2);
        var blockedSamples = arguments.Int("blocked-samples", 5);

        var throttledSamples = arguments.Int("throttled-samples", 10);
        // Before any deployment starts: a machine without Chromium or certutil installs them here, or is told what to install.
        var browsers = new SampleBrowsers(BrowserPrerequisites.Tools, TimeSpan.FromMilliseconds(arguments.Int("settle-ms", 2000)));
        await using var hybrid = await Deployments.StartAsync().ConfigureAwait(false);
        await using var classic = await Deployments.StartAsync(classic: true).ConfigureAwait(false);
        Console.WriteLine($"[browser] Chromium, fresh profile per sign-in, left {browsers.Settle.TotalMilliseconds:0} ms to settle on its first page; {warmup} warm-up + {samples} sign-ins per mode, interleaved.");

        var hybridSamples = new List<FirstTokenSample>();
        var classicSamples = new List<FirstTokenSample>();
        var floorSamples = new List<FirstTokenSample>();
        for (var i = 0; i < warmup + samples; i++)
        {
            var a = await SignInAndMeasureAsync(browsers, hybrid, ThirdPartyCookies.Allowed).ConfigureAwait(false);
            var b = await SignInAndMeasureAsync(browsers, classic, ThirdPartyCookies.Allowed).ConfigureAwait(false);
            var c = await MeasureFloorAsync(browsers, hybrid).ConfigureAwait(false);
            if (i >= warmup)
            {
                hybridSamples.Add(a);
                classicSamples.Add(b);
                floorSamples.Add(c);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[browser] {(i < warmup ? "warm-up" : "sample ")} {i + 1,2}: hybrid {a.TimeToFirstTokenMs,6:0.0} ms  classic {b.TimeToFirstTokenMs,6:0.0} ms  floor {c.TokenRequestMs,6:0.0} ms"));
        }

        var blocked = new List<(double Ms, int IdpRequests, bool Redirected)>();
        for (var i = 0; i < blockedSamples; i++)
        {
            blocked.Add(await ClassicWithThirdPartyCookiesBlockedAsync(browsers, classic).ConfigureAwait(false));
        }

        var network = NetworkConditions.Broadband;
        var throttledHybrid = new List<FirstTokenSample>();
        var throttledClassic = new List<FirstTokenSample>();
        for (var i = 0; i < throttledSamples; i++)
        {
            throttledHybrid.Add(await SignInAndMeasureAsync(browsers, hybrid, ThirdPartyCookies.Allowed, network).ConfigureAwait(false));
            throttledClassic.Add(await SignInAndMeasureAsync(browsers, classic, ThirdPartyCookies.Allowed, network).ConfigureAwait(false));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[browser] throttled {i + 1,2}: hybrid {throttledHybrid[^1].TimeToFirstTokenMs,6:0.0} ms  classic {throttledClassic[^1].TimeToFirstTokenMs,6:0.0} ms"));
        }

        return Rows(hybridSamples, classicSamples, floorSamples, blocked, (network, throttledHybrid, throttledClassic));
    }

    private static async Task<FirstTokenSample> SignInAndMeasureAsync(SampleBrowsers browsers, HybridSpaDeployment stack, ThirdPartyCookies cookies, NetworkConditions? network = null)
    {
        await using var browser = await browsers.LaunchAsync(cookies, network).ConfigureAwait(false);
        var iframeFirstBytes = new ConcurrentQueue<double>();
        browser.Context.RequestFinished += (_, request) =>
        {
            if (request.Frame.ParentFrame is not null && new Uri(request.Url).AbsolutePath.EndsWith("/authorize", StringComparison.Ordinal))
            {
                iframeFirstBytes.Enqueue(request.Timing.ResponseStart);
            }
        };
        await SignInUntilProfileAsync(browsers, browser, stack).ConfigureAwait(false);
        var timings = await browser.Page.EvaluateAsync<JsonElement?>(ResourceTimings.Script).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The page shows the profile but its token request has no Resource Timing entry.");
        var resource = new ResourceTimings(
            timings.GetProperty("hostPageResponseEnd").GetDouble(), timings.GetProperty("bundleResponseEnd").GetDouble(),
            timings.GetProperty("tokenRequestStart").GetDouble(), timings.GetProperty("tokenResponseEnd").GetDouble(),
            timings.GetProperty("jsEncodedBytes").GetDouble(), timings.GetProperty("jsDecodedBytes").GetDouble());
        var idp = IdentityProviderRequests(AfterServerSignIn(browser), stack);
        var step = await browser.Page.Locator("ol.timeline li").First.InnerTextAsync().ConfigureAwait(false);
        var msalCall = double.Parse(StepDuration().Match(step).Groups["ms"].Value, CultureInfo.InvariantCulture);
        return new FirstTokenSample(
            resource.TimeToFirstToken, resource.BundleLoad, resource.SpaStart, resource.TokenRequest, msalCall, idp.Count, idp.Count(IsDiscovery), browser.FramesAttached,
            resource.JsEncodedBytes, resource.JsDecodedBytes, iframeFirstBytes.IsEmpty ? null : iframeFirstBytes.First());
    }

    private static async Task<FirstTokenSample> MeasureFloorAsync(SampleBrowsers browsers, HybridSpaDeployment stack)
    {
        await using var browser = await browsers.LaunchAsync(ThirdPartyCookies.Allowed).ConfigureAwait(false);
        await browser.Page.GotoAsync(new Uri(stack.AppOrigin, "account/signed-out").AbsoluteUri).ConfigureAwait(false);
        await browsers.SettleAsync().ConfigureAwait(false);

        // A fresh hybrid SPA code for Adele, rendered by the app and never redeemed by a SPA.
        using var server = new HttpSignIn(stack);
        await server.SignInAsync(Deployments.Adele).ConfigureAwait(false);
        var code = (await server.HostPageBootstrapAsync().ConfigureAwait(false)).SpaCode ?? throw new InvalidOperationException("No SPA code rendered.");

        browser.ClearRecording();
        var result = await browser.Page.EvaluateAsync<JsonElement>(FloorScript, new
        {
            url = stack.Emulator.Authority + "oauth2/v2.0/token",
            body = new Dictionary<string, string>
            {
                ["client_id"] = DevelopmentDefaults.ClientId, ["scope"] = "User.Read openid profile offline_access", ["code"] = code,
                ["grant_type"] = "authorization_code", ["client_info"] = "1",
            },
        }).ConfigureAwait(false);
        if (result.GetProperty("status").GetInt32() != 200 || !result.GetProperty("token").GetBoolean())
        {
            throw new InvalidOperationException($"The floor's redemption failed with HTTP {result.GetProperty("status").GetInt32()}.");
        }

        var idp = IdentityProviderRequests(browser.Requests, stack);
        return new FirstTokenSample(null, null, null, result.GetProperty("ms").GetDouble(), null, idp.Count, idp.Count(IsDiscovery), browser.FramesAttached);
    }

    /// <summary>
    /// The classic bootstrap as Chromium ships (third-party cookies blocked): the iframe reaches the IdP without its session,
    /// ssoSilent fails, and the SPA falls back to loginRedirect. Timed across documents by when Playwright reports each request finished.
    /// </summary>
    private static async Task<(double Ms, int IdpRequests, bool Redirected)> ClassicWithThirdPartyCookiesBlockedAsync(SampleBrowsers browsers, HybridSpaDeployment stack)
    {
        await using var browser = await browsers.LaunchAsync(ThirdPartyCookies.Blocked).ConfigureAwait(false);
        var finished = new ConcurrentQueue<(string Method, Uri Url, string Type, double End)>();
        browser.Context.RequestFinished += (_, request) =>
            finished.Enqueue((request.Method, new Uri(request.Url), request.ResourceType, Stopwatch.GetElapsedTime(0).TotalMilliseconds));
        await SignInUntilProfileAsync(browsers, browser, stack).ConfigureAwait(false);

        var afterSignIn = AfterServerSignIn(browser);
        var idp = IdentityProviderRequests(afterSignIn, stack);
        var log = finished.ToList();
        var callback = log.FindIndex(r => r.Method == "POST" && r.Url.AbsolutePath == "/signin-oidc");
        var hostPage = log.Skip(callback + 1).First(r => r.Method == "GET" && r.Type == "document" && r.Url.AbsolutePath == "/" && r.Url.Authority == stack.AppOrigin.Authority);
        var token = log.First(r => r.Method == "POST" && r.Url.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal));
        var redirected = idp.Any(r => r.ResourceType == "document" && r.Url.AbsolutePath.EndsWith("/authorize", StringComparison.Ordinal)
            && !r.Url.Query.Contains("prompt=none", StringComparison.Ordinal));
        return (token.End - hostPage.End, idp.Count, redirected);
    }

    /// <summary>
    /// Opens the sign-in page, lets the browser settle, signs Adele in and waits for the SPA's profile. The first locator or waitForFunction in a new document injects
    /// Playwright's script into it, tens of milliseconds on the page's main thread; in the host page that would land in the
    /// start-up being measured. So the wait is on network events only until the first token response has arrived.
    /// </summary>
    private static async Task SignInUntilProfileAsync(SampleBrowsers browsers, BrowserSession browser, HybridSpaDeployment stack)
    {
        await OpenSignInPageAsync(browser, stack).ConfigureAwait(false);
        await browsers.SettleAsync().ConfigureAwait(false);
        await browser.Page.RunAndWaitForResponseAsync(
            () => ChooseUserAsync(browser, Deployments.AdeleDisplayName),
            response => response.Request.Method == "POST" && new Uri(response.Url).AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal)).ConfigureAwait(false);
        await ProfileHeading(browser, Deployments.AdeleDisplayName).WaitForAsync().ConfigureAwait(false);
    }

    private static List<RecordedRequest> IdentityProviderRequests(IEnumerable<RecordedRequest> requests, HybridSpaDeployment stack) =>
        [.. requests.Where(r => r.IsTo(stack.Emulator.BaseAddress) && !r.Url.AbsolutePath.StartsWith("/v1.0/", StringComparison.Ordinal))];

    private static bool IsDiscovery(RecordedRequest request) =>
        request.Url.AbsolutePath.Contains("/.well-known/", StringComparison.Ordinal) || request.Url.AbsolutePath.Contains("/discovery/instance", StringComparison.Ordinal);

    private static List<ResultRow> Rows(
        List<FirstTokenSample> hybrid, List<FirstTokenSample> classic, List<FirstTokenSample> floor, List<(double Ms, int IdpRequests, bool Redirected)> blocked,
        (NetworkConditions Network, List<FirstTokenSample> Hybrid, List<FirstTokenSample> Classic) throttled)
    {
        var a = new Distribution(hybrid.Select(s => s.TimeToFirstTokenMs!.Value));
        var b = new Distribution(classic.Select(s => s.TimeToFirstTokenMs!.Value));
        var c = new Distribution(floor.Select(s => s.TokenRequestMs));
        var rows = new List<ResultRow>
        {
            new("1a", "SPA first Graph token, **hybrid** (`acquireTokenByCode`, server-rendered code); host page response → token response",
                $"{a.Describe("ms", 90)}; {Breakdown(hybrid)}; {Requests(hybrid)}"),
            new("1b", "same, **classic** (`ssoSilent` in a hidden iframe; third-party cookies allowed)",
                $"{b.Describe("ms", 90)}; {Breakdown(classic)}; {IframeFirstByte(classic)}; {Requests(classic)}"),
            new("1c", "**floor**: one bare CORS POST of a fresh valid SPA code from a loaded app page", $"{c.Describe("ms", 90)}; {Requests(floor)}"),
            new("1", "ratios of medians", string.Create(CultureInfo.InvariantCulture, $"a/b = {a.Median / b.Median:0.00}; a/c = {a.Median / c.Median:0.00}")
                + (blocked.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $"; a/b′ = {a.Median / new Distribution(blocked.Select(s => s.Ms)).Median:0.00}") : "")),
            new("1w", "**bytes on the wire**: the host page's JavaScript (entry + UI chunk), as the hybrid samples' Resource Timing saw it",
                string.Create(CultureInfo.InvariantCulture,
                    $"{new Distribution(hybrid.Select(s => s.JsEncodedBytes!.Value)).Median / 1000:0.0} kB transferred (brotli), {new Distribution(hybrid.Select(s => s.JsDecodedBytes!.Value)).Median / 1000:0.0} kB decoded")),
        };
        if (throttled.Hybrid.Count > 0)
        {
            var ta = new Distribution(throttled.Hybrid.Select(s => s.TimeToFirstTokenMs!.Value));
            var tb = new Distribution(throttled.Classic.Select(s => s.TimeToFirstTokenMs!.Value));
            rows.Add(new("1t", $"**throttled** ({throttled.Network.Describe()}, Chromium network emulation on the page and its iframes), hybrid vs classic",
                $"hybrid {ta.Describe("ms", 90)}; {Breakdown(throttled.Hybrid)}; classic {tb.Describe("ms", 90)}, {IframeFirstByte(throttled.Classic)}; "
                + string.Create(CultureInfo.InvariantCulture, $"a/b = {ta.Median / tb.Median:0.00}")));
        }

        if (blocked.Count > 0)
        {
            rows.Add(new("1b′", "classic with third-party cookies **blocked** (Chromium's default)",
                (blocked.All(s => s.Redirected) ? "ssoSilent fails every time (no IdP session in the iframe) → full-page `loginRedirect`; " : "not every run fell back to loginRedirect; ")
                + $"host page → token {new Distribution(blocked.Select(s => s.Ms)).Describe("ms")} (when Playwright reported each request finished, across two documents); "
                + $"{new Distribution(blocked.Select(s => (double)s.IdpRequests)).Median:0} IdP requests"));
        }

        return rows;
    }

    private static string Breakdown(List<FirstTokenSample> samples) => string.Create(CultureInfo.InvariantCulture,
        $"medians: bundle loaded +{new Distribution(samples.Select(s => s.BundleLoadMs!.Value)).Median:0.0} ms, SPA start → token request sent "
        + $"+{new Distribution(samples.Select(s => s.SpaStartMs!.Value)).Median:0.0} ms (p90 {new Distribution(samples.Select(s => s.SpaStartMs!.Value)).Percentile(90):0.0}), token request {new Distribution(samples.Select(s => s.TokenRequestMs)).Median:0.0} ms; "
        + $"the SPA's own timeline times the MSAL call at {new Distribution(samples.Select(s => s.MsalCallMs!.Value)).Median:0} ms");

    private static string IframeFirstByte(List<FirstTokenSample> classic) => string.Create(CultureInfo.InvariantCulture,
        $"its iframe's /authorize first byte after a median {new Distribution(classic.Select(s => s.IframeFirstByteMs ?? throw new InvalidOperationException("A classic sign-in made no iframe /authorize request."))).Median:0.0} ms");

    [GeneratedRegex(@"· (?<ms>\d+) ms")]
    private static partial Regex StepDuration();

    private static string Requests(List<FirstTokenSample> samples) =>
        $"IdP requests per sign-in {string.Join('/', samples.Select(s => s.IdpRequests).Distinct())}, discovery {samples.Max(s => s.DiscoveryRequests)}, iframes {string.Join('/', samples.Select(s => s.Iframes).Distinct())}";
}
