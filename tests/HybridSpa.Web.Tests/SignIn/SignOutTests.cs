using System.Net;
using System.Net.Http.Json;
using HybridSpa.Web.Account;
using HybridSpa.Web.Routes;
using HybridSpa.Web.SpaHost;
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
    public async Task Sign_out_antiforgery_token_is_json_that_no_cache_keeps()
    {
        using var browser = factory.CreateBrowser();
        await SignInDriver.SignInAsync(factory, browser, TestUser.Create());
        var bootstrap = await SignInFlowTests.BootstrapOf(await browser.GetAsync("/"));

        var response = await browser.GetAsync(bootstrap.SignOut.AntiforgeryUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var antiforgery = await response.Content.ReadFromJsonAsync<SignOutAntiforgery>();
        Assert.Equal("__RequestVerificationToken", antiforgery!.Field);
        Assert.False(string.IsNullOrEmpty(antiforgery.Token));
        Assert.Contains(browser.LastSetCookies, c => c.Name == SpaHostExtensions.AntiforgeryCookieName && c.HttpOnly && c.Secure);
    }

    [Fact]
    public async Task Sign_out_with_a_token_issued_to_another_browser_is_refused()
    {
        using var attacker = factory.CreateBrowser();
        await SignInDriver.SignInAsync(factory, attacker, TestUser.Create());
        var stolen = await (await attacker.GetAsync(SpaRoutes.SignOutAntiforgery)).Content.ReadFromJsonAsync<SignOutAntiforgery>();
        using var victim = factory.CreateBrowser();
        await SignInDriver.SignInAsync(factory, victim, TestUser.Create());

        var response = await victim.PostFormAsync(SpaRoutes.SignOut, [new(stolen!.Field, stolen.Token)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync("/")).StatusCode);
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

        var response = await browser.SignOutAsync(bootstrap.SignOut);

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
