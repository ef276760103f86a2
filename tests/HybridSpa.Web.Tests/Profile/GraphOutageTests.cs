using System.Net;
using HybridSpa.Web.Errors;
using HybridSpa.Web.Tests.Infrastructure;

namespace HybridSpa.Web.Tests.Profile;

/// <summary>Graph not answering is Graph's 503 page, not the identity provider's, and not a 500.</summary>
public sealed class GraphOutageTests : IDisposable
{
    private readonly HybridSpaFactory _factory = new() { Settings = { ["DownstreamApis:Graph:Timeout"] = "00:00:01" } };

    public static TheoryData<string> Outages => ["refused", "503", "hangs"];

    [Theory]
    [MemberData(nameof(Outages))]
    public async Task Graph_down_gets_a_503_page_that_names_graph_and_keeps_the_sign_in(string outage)
    {
        using var browser = _factory.CreateBrowser();
        await SignInDriver.SignInAsync(_factory, browser, TestUser.Create());
        _factory.Graph.Hangs = outage == "hangs";
        _factory.Graph.Outage = outage switch
        {
            "refused" => () => throw new HttpRequestException("Connection refused (graph.test:443)", new System.Net.Sockets.SocketException(111)),
            "503" => () => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable),
            _ => null,
        };

        var response = await browser.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(FailurePage.DefaultRetryAfter, response.Headers.RetryAfter!.Delta);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Microsoft Graph cannot be reached", page, StringComparison.Ordinal);
        Assert.DoesNotContain("identity provider", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);

        _factory.Graph.Outage = null;
        _factory.Graph.Hangs = false;
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/profile")).StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
