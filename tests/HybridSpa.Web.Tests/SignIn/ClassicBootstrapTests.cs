using System.Net;
using HybridSpa.Web.Tests.Infrastructure;

namespace HybridSpa.Web.Tests.SignIn;

/// <summary>The web app configured not to request SPA codes (<c>AzureAd:WithSpaAuthCode=false</c>).</summary>
public sealed class ClassicBootstrapFactory : HybridSpaFactory
{
    public ClassicBootstrapFactory() => Settings["AzureAd:WithSpaAuthCode"] = "false";
}

public sealed class ClassicBootstrapTests(ClassicBootstrapFactory factory) : IClassFixture<ClassicBootstrapFactory>
{
    [Fact]
    public async Task Without_spa_codes_the_bootstrap_says_so_and_names_the_silent_redirect_uri()
    {
        using var browser = factory.CreateBrowser();
        var user = TestUser.Create();
        await SignInDriver.SignInAsync(factory, browser, user, spaCode: null);

        var bootstrap = await SignInFlowTests.BootstrapOf(await browser.GetAsync("/"));

        Assert.False(bootstrap.SpaCodeRequested);
        Assert.Equal(TestSettings.Origin + "/account/silent-callback", bootstrap.SilentRedirectUri);
        Assert.Null(bootstrap.SpaCode);
        Assert.Equal(user.LoginHint, bootstrap.LoginHint);
        Assert.All(factory.Idp.TokenRequests, redemption => Assert.False(redemption.ContainsKey("return_spa_code")));
    }

    [Fact]
    public async Task Host_page_lets_the_identity_provider_into_a_frame_but_is_never_framed_itself()
    {
        using var browser = factory.CreateBrowser();
        await SignInDriver.SignInAsync(factory, browser, TestUser.Create(), spaCode: null);

        var csp = (await browser.GetAsync("/")).Headers.GetValues("Content-Security-Policy").Single();

        Assert.Contains("frame-src 'self' https://idp.test;", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silent_callback_is_an_empty_page_only_this_site_may_frame()
    {
        using var browser = factory.CreateBrowser();

        var page = await browser.GetAsync("/account/silent-callback");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("default-src 'none'; frame-ancestors 'self'; base-uri 'none'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("SAMEORIGIN", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.DoesNotContain("<script", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
