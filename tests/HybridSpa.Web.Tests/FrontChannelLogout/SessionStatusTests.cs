using System.Net;
using System.Net.Http.Json;
using HybridSpa.Web.FrontChannelLogout;
using HybridSpa.Web.Routes;
using HybridSpa.Web.SpaHost;
using HybridSpa.Web.Tests.Infrastructure;

namespace HybridSpa.Web.Tests.FrontChannelLogout;

/// <summary>The SPA's session check: what a tab learns before it calls Graph, after a sign-out from elsewhere.</summary>
public sealed class SessionStatusTests(HybridSpaFactory factory) : IClassFixture<HybridSpaFactory>
{
    [Fact]
    public async Task A_signed_in_browser_is_told_it_is_signed_in_in_json_nobody_caches()
    {
        using var browser = factory.CreateBrowser();
        await SignInDriver.SignInAsync(factory, browser, TestUser.Create());

        var response = await browser.GetAsync(SpaRoutes.SessionStatus);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.True((await response.Content.ReadFromJsonAsync<SessionStatus>())!.SignedIn);
    }

    [Fact]
    public async Task After_a_front_channel_logout_the_same_browser_is_told_it_is_signed_out_instead_of_redirected()
    {
        using var browser = factory.CreateBrowser();
        var user = TestUser.Create();
        await SignInDriver.SignInAsync(factory, browser, user);
        await FrontChannelLogoutTests.FromIdentityProviderAsync(factory, "?sid=" + user.Sid);

        var response = await browser.GetAsync(SpaRoutes.SessionStatus);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await response.Content.ReadFromJsonAsync<SessionStatus>())!.SignedIn);
        Assert.Contains(browser.LastSetCookies, c => c.Name == SignInDriver.AuthCookie && c.Expires < DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task A_browser_without_a_cookie_is_told_it_is_signed_out()
    {
        using var browser = factory.CreateBrowser();

        var response = await browser.GetAsync(SpaRoutes.SessionStatus);

        Assert.False((await response.Content.ReadFromJsonAsync<SessionStatus>())!.SignedIn);
    }
}
