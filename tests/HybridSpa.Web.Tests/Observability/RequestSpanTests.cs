using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using HybridSpa.Web.Tests.Infrastructure;

namespace HybridSpa.Web.Tests.Observability;

/// <summary>
/// The server span of each request, as ASP.NET Core's own request activity makes it and the in-memory exporter receives it:
/// route and status named, no query string, and none at all for health probes and scrapes.
/// </summary>
public sealed class RequestSpanTests : IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private readonly HybridSpaFactory _factory = new();
    private readonly TelemetryCapture _telemetry = new();
    private readonly ConcurrentQueue<Activity> _requestsEnded = new();
    private readonly ActivityListener _requests;

    public RequestSpanTests()
    {
        _factory.Settings["Telemetry:Prometheus:Enabled"] = "true";
        _telemetry.Attach(_factory);

        // Every request activity that ended, recorded or not: the probes' must have ended before their absence says anything.
        _requests = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
            ActivityStopped = _requestsEnded.Enqueue,
        };
        ActivitySource.AddActivityListener(_requests);
    }

    [Fact]
    public async Task A_request_span_names_its_route_and_status_and_carries_no_query_string()
    {
        using var browser = _telemetry.CreateBrowser();
        var traceId = ActivityTraceId.CreateRandom();

        var response = await browser.SendAsync(Traced(HttpMethod.Get, "/account/signed-out?code=0.AUSTRALIA-code-value&state=state-value-42", traceId), crossSite: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var span = await WaitForAsync(() => _telemetry.Spans.FirstOrDefault(span => span.TraceId == traceId && span.Kind == ActivityKind.Server));
        Assert.Equal("/account/signed-out", span.GetTagItem("url.path"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal("GET", span.GetTagItem("http.request.method"));
        Assert.NotNull(span.GetTagItem("http.route"));
        Assert.DoesNotContain(span.TagObjects, tag => tag.Value?.ToString() is { } value && (value.Contains("code-value", StringComparison.Ordinal) || value.Contains("state-value", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/metrics")]
    public async Task Health_probes_and_scrapes_export_no_span_while_the_page_next_to_them_does(string path)
    {
        using var browser = _telemetry.CreateBrowser();
        var probeTrace = ActivityTraceId.CreateRandom();
        var pageTrace = ActivityTraceId.CreateRandom();

        // Whatever it answers (the test server gives a scrape no client address, so it gets 404), it is not traced.
        using var probe = await browser.SendAsync(Traced(HttpMethod.Get, path, probeTrace), crossSite: false);
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(Traced(HttpMethod.Get, "/account/signed-out", pageTrace), crossSite: false)).StatusCode);

        await WaitForAsync(() => _telemetry.Spans.FirstOrDefault(span => span.TraceId == pageTrace && span.Kind == ActivityKind.Server));
        await WaitForAsync(() => _requestsEnded.FirstOrDefault(activity => activity.TraceId == probeTrace));
        Assert.DoesNotContain(_telemetry.Spans, span => span.TraceId == probeTrace);
    }

    // A sampled parent from the test: every span of the request joins its trace, so the test tells its own spans apart.
    private static HttpRequestMessage Traced(HttpMethod method, string url, ActivityTraceId traceId)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        return request;
    }

    private static async Task<T> WaitForAsync<T>(Func<T?> find)
        where T : class
    {
        // A request's activity ends just after its response is sent.
        using var guard = new CancellationTokenSource(Guard);
        while (true)
        {
            if (find() is { } found)
            {
                return found;
            }

            await Task.Delay(20, guard.Token);
        }
    }

    public void Dispose()
    {
        _requests.Dispose();
        _telemetry.Dispose();
        _factory.Dispose();
    }
}
