using System.Net;
using HybridSpa.Web.HandOff;
using HybridSpa.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HybridSpa.Web.Tests.SignIn;

public sealed class PipelineTests(HybridSpaFactory factory) : IClassFixture<HybridSpaFactory>
{
    [Fact]
    public async Task Hand_off_without_session_middleware_names_the_ordering_fix()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            factory.Services.GetRequiredService<SpaHandOffStore>().PutAsync(new DefaultHttpContext(), new System.Security.Claims.ClaimsPrincipal(), new SpaHandOff("c", null, null, false), CancellationToken.None));

        Assert.Contains("app.UseSession() must run before app.UseAuthentication()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_runs_before_authentication_so_the_callback_can_write_the_code()
    {
        // If UseSession came after UseAuthentication the callback's hand-off would throw and no session cookie would be issued.
        using var browser = factory.CreateBrowser();

        var callback = await SignInDriver.SignInAsync(factory, browser, TestUser.Create());

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Contains(browser.LastSetCookies, c => c.Name == SignInDriver.SessionCookie);
    }

    [Fact]
    public async Task Unknown_page_is_a_friendly_404()
    {
        using var browser = factory.CreateBrowser();

        var response = await browser.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_post_without_any_cookie_or_field_is_not_a_5xx()
    {
        using var browser = factory.CreateBrowser();

        var response = await browser.PostFromIdpAsync("/signin-oidc", []);

        await SignInDriver.AssertNotSignedInAsync(browser, response);
    }
}
