using System.Diagnostics;
using System.Net;
using HybridSpa.Web.Tests.Infrastructure;

namespace HybridSpa.Web.Tests.Observability;

/// <summary>
/// The server span of each request, as ASP.NET Core creates it, the app completes it and the in-memory exporter receives it:
/// named by method and route, route and status tagged, no value of the query string, and no span at all for health probes
/// and scrapes.
/// </summary>
public sealed class RequestSpanTests : IDisposable
{
    private readonly HybridSpaFactory _factory = new();
    private readonly TelemetryCapture _telemetry = new();

    public RequestSpanTests()
    {
        _factory.Settings["Telemetry:Prometheus:Enabled"] = "true";
        _telemetry.Attach(_factory);
    }

    [Fact]
    public async Task A_request_span_names_its_route_and_status_and_carries_no_query_value()
    {
        var (response, span) = await GetTracedAsync("/account/signed-out?code=0.AUSTRALIA-code-value&state=state-value-42");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/account/signed-out", span.GetTagItem("url.path"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal("GET", span.GetTagItem("http.request.method"));
        Assert.Equal("https", span.GetTagItem("url.scheme"));
        Assert.NotNull(span.GetTagItem("server.address"));
        var route = Assert.IsType<string>(span.GetTagItem("http.route"));
        Assert.Equal($"GET {route}", span.DisplayName);
        Assert.Equal("1.1", span.GetTagItem("network.protocol.version"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.DoesNotContain(span.TagObjects, tag => tag.Value?.ToString() is { } value && (value.Contains("code-value", StringComparison.Ordinal) || value.Contains("state-value", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_request_no_route_matches_carries_its_404_and_is_no_server_error()
    {
        var (response, span) = await GetTracedAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, span.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Null(span.GetTagItem("error.type"));
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

        await _telemetry.WaitForSpanAsync(span => span.TraceId == pageTrace && span.Kind == ActivityKind.Server);
        await _telemetry.WaitForRequestEndAsync(activity => activity.TraceId == probeTrace);
        Assert.DoesNotContain(_telemetry.Spans, span => span.TraceId == probeTrace);
    }

    /// <summary>A GET in a trace of the test's own, and that request's server span once it is exported.</summary>
    private async Task<(HttpResponseMessage Response, Activity Span)> GetTracedAsync(string url)
    {
        using var browser = _telemetry.CreateBrowser();
        var traceId = ActivityTraceId.CreateRandom();
        var response = await browser.SendAsync(Traced(HttpMethod.Get, url, traceId), crossSite: false);
        return (response, await _telemetry.WaitForSpanAsync(span => span.TraceId == traceId && span.Kind == ActivityKind.Server));
    }

    // A sampled parent from the test: every span of the request joins its trace, so the test tells its own spans apart.
    private static HttpRequestMessage Traced(HttpMethod method, string url, ActivityTraceId traceId)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        return request;
    }

    public void Dispose()
    {
        _telemetry.Dispose();
        _factory.Dispose();
    }
}
