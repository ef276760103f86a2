using System.Diagnostics;
using System.Net;
using HybridSpa.Web.Tests.Infrastructure;
using HybridSpa.Web.Tests.SignIn;

namespace HybridSpa.Web.Tests.Observability;

/// <summary>
/// A request that fails inside the app and gets the error page: its span is an error, tagged with the status the page sent
/// and the route that failed, not the error page's.
/// </summary>
public sealed class FailedRequestSpanTests : IDisposable
{
    private readonly TicketStoreOutageTests.OutageFactory _factory = new();
    private readonly TelemetryCapture _telemetry = new();

    public FailedRequestSpanTests() => _telemetry.Attach(_factory);

    [Fact]
    public async Task A_page_the_shared_store_fails_is_an_error_span_with_its_503_and_the_pages_route()
    {
        using var browser = _telemetry.CreateBrowser();
        await SignInDriver.SignInAsync(_factory, browser, TestUser.Create());
        var traceId = ActivityTraceId.CreateRandom();

        _factory.Cache.Down = true;
        HttpResponseMessage down;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
            down = await browser.SendAsync(request, crossSite: false);
        }
        finally
        {
            _factory.Cache.Down = false;
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        var span = await _telemetry.WaitForSpanAsync(span => span.TraceId == traceId && span.Kind == ActivityKind.Server);
        Assert.Equal(503, span.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("503", span.GetTagItem("error.type"));
        Assert.Equal("/", span.GetTagItem("http.route"));
        Assert.Equal("GET /", span.DisplayName);
    }

    public void Dispose()
    {
        _telemetry.Dispose();
        _factory.Dispose();
    }
}
