using System.Net;
using HybridSpa.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;

namespace HybridSpa.Web.Tests.SignIn;

public sealed class SignOutTests(HybridSpaFactory factory) : IClassFixture<HybridSpaFactory>
{
    [Fact]
    public async Task Sign_out_without_antiforgery_token_is_refused()
    {
        using var browser = factory.CreateBrowser();
        await SignInDriver.SignInAsync(factory, browser, TestUser.Create());

        var response = await browser.PostFormAsync("/account/signout", []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Sign_out_clears_cache_session_and_cookie_then_redirects_to_end_session_with_hints()
    {
        using var browser = factory.CreateBrowser();
        var user = TestUser.Create();
        await SignInDriver.SignInAsync(factory, browser, user);
        var bootstrap = await SignInFlowTests.BootstrapOf(await browser.GetAsync("/"));
        var tokenCache = factory.Services.GetRequiredService<IDistributedCache>();
        var homeAccountId = $"{user.Oid}.{user.TenantId}";
        Assert.NotNull(await tokenCache.GetAsync(homeAccountId));

        var response = await browser.PostFormAsync(bootstrap.SignOut.Url,
            [new(bootstrap.SignOut.AntiforgeryField, bootstrap.SignOut.AntiforgeryToken)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(TestSettings.EndSessionEndpoint + "?", location.AbsoluteUri, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(TestSettings.Origin + "/signout-callback-oidc", query["post_logout_redirect_uri"].ToString());
        Assert.Equal(user.LoginHint, query["logout_hint"].ToString());
        Assert.Equal(user.Oid, new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(query["id_token_hint"].ToString()).GetClaim("oid").Value);
        Assert.Contains(browser.LastSetCookies, c => c.Name == SignInDriver.AuthCookie && c.Expires < DateTimeOffset.UtcNow);
        Assert.Contains(browser.LastSetCookies, c => c.Name == SignInDriver.SessionCookie && c.Expires < DateTimeOffset.UtcNow && c.Secure && c.Path == "/");
        Assert.Null(await tokenCache.GetAsync(homeAccountId));

        var signedOut = await browser.GetAsync("/signout-callback-oidc?state=" + Uri.EscapeDataString(query["state"].ToString()));
        Assert.Equal("/account/signed-out", signedOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/signed-out")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Signed_out_callback_with_forged_state_goes_to_the_signed_out_page()
    {
        using var browser = factory.CreateBrowser();

        var response = await browser.GetAsync("/signout-callback-oidc?state=forged");

        Assert.Equal("/account/signed-out", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Cache_loss_turns_profile_into_a_sign_in_challenge()
    {
        using var browser = factory.CreateBrowser();
        var user = TestUser.Create();
        await SignInDriver.SignInAsync(factory, browser, user);
        await factory.Services.GetRequiredService<IDistributedCache>().RemoveAsync($"{user.Oid}.{user.TenantId}");

        var response = await browser.GetAsync("/profile");

        Assert.Equal(user.PreferredUsername, AuthorizeRequest.From(response).Get("login_hint"));
    }
}
