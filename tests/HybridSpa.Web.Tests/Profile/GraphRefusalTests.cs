using System.Net;
using HybridSpa.Web.Tests.Infrastructure;

namespace HybridSpa.Web.Tests.Profile;

/// <summary>Graph answering with a refusal (a user whose token is too large for it) is a page that says so, not a 500.</summary>
public sealed class GraphRefusalTests : IDisposable
{
    private readonly HybridSpaFactory _factory = new();

    [Fact]
    public async Task Graph_refusing_an_oversized_token_with_431_gets_a_page_that_says_so_and_keeps_the_sign_in()
    {
        using var browser = _factory.CreateBrowser();
        await SignInDriver.SignInAsync(_factory, browser, TestUser.Create());
        _factory.Graph.Outage = () => new HttpResponseMessage(HttpStatusCode.RequestHeaderFieldsTooLarge);

        var response = await browser.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Microsoft Graph refused the request", page, StringComparison.Ordinal);
        Assert.Contains("HTTP 431", page, StringComparison.Ordinal);
        Assert.Contains("You are still signed in", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
