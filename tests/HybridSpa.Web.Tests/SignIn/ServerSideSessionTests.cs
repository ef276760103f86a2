using System.Net;
using HybridSpa.Web.SignIn;
using HybridSpa.Web.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace HybridSpa.Web.Tests.SignIn;

/// <summary>The sign-in cookie is a reference to a ticket kept on the server: sign-out ends it, and many claims still make one small cookie.</summary>
public sealed class ServerSideSessionTests(HybridSpaFactory factory) : IClassFixture<HybridSpaFactory>
{
    [Fact]
    public async Task Copy_of_the_cookies_taken_before_sign_out_is_refused_after_it()
    {
        using var browser = factory.CreateBrowser();
        await SignInDriver.SignInAsync(factory, browser, TestUser.Create());
        var bootstrap = await SignInFlowTests.BootstrapOf(await browser.GetAsync("/"));
        var copy = new Dictionary<string, SetCookieHeaderValue>(browser.Cookies, StringComparer.Ordinal);
        using (var replayBeforeSignOut = new Browser(factory.CreateBrowserClient(), new Dictionary<string, SetCookieHeaderValue>(copy, StringComparer.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.OK, (await replayBeforeSignOut.GetAsync("/")).StatusCode);
        }

        var signOut = await browser.SignOutAsync(bootstrap.SignOut);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        using var replay = new Browser(factory.CreateBrowserClient(), copy);
        AuthorizeRequest.From(await replay.GetAsync("/"));
        AuthorizeRequest.From(await replay.GetAsync("/profile"));
    }

    [Fact]
    public async Task Cookie_replaced_by_a_later_sign_in_in_the_same_browser_is_refused()
    {
        using var browser = factory.CreateBrowser();
        var user = TestUser.Create();
        await SignInDriver.SignInAsync(factory, browser, user);
        var copy = new Dictionary<string, SetCookieHeaderValue>(browser.Cookies, StringComparer.Ordinal);

        // The fresh-SPA-code round trip: a challenge from the signed-in browser, a new ticket at its callback.
        await SignInDriver.SignInAsync(factory, browser, user, spaCode: "second-code", path: "/account/spa-code");
        Assert.Equal("second-code", (await SignInFlowTests.BootstrapOf(await browser.GetAsync("/"))).SpaCode);

        using var replay = new Browser(factory.CreateBrowserClient(), copy);
        AuthorizeRequest.From(await replay.GetAsync("/"));
    }

    [Fact]
    public async Task User_with_ten_kilobytes_of_claims_signs_in_uses_the_app_and_signs_out_with_one_small_cookie()
    {
        using var browser = factory.CreateBrowser();
        var user = TestUser.Create();
        var roles = Enumerable.Range(0, 250).Select(i => $"HybridSpa.Role.{i:D4}.{Guid.NewGuid():N}").ToArray();
        var authorize = await SignInDriver.ChallengeAsync(browser);
        var code = SignInDriver.NewCode();
        var idToken = new IdTokenBuilder(user, authorize.Nonce).With("roles", roles).Build();
        Assert.True(idToken.Length > 10_000, $"id_token of {idToken.Length} characters");
        factory.Idp.OnCode(code, _ => IdentityProviderDouble.Tokens(idToken, user, "spa-code-big"));

        var callback = await SignInDriver.CallbackAsync(browser, ("code", code), ("state", authorize.State));

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        var auth = Assert.Single(browser.LastSetCookies, c => c.Name.Value!.StartsWith(SignInDriver.AuthCookie, StringComparison.Ordinal));
        Assert.Equal(SignInDriver.AuthCookie, auth.Name.Value);
        Assert.True(auth.Value.Length < 1024, $"auth cookie of {auth.Value.Length} characters");

        var home = await browser.GetAsync("/");
        Assert.Equal("spa-code-big", (await SignInFlowTests.BootstrapOf(home)).SpaCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/profile")).StatusCode);
        Assert.True(browser.Cookies.Values.Sum(c => c.Name.Length + c.Value.Length) < 4096, "the cookies a page request carries stay small");

        var bootstrap = await SignInFlowTests.BootstrapOf(await browser.GetAsync("/"));
        var signOut = await browser.SignOutAsync(bootstrap.SignOut);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.StartsWith(TestSettings.EndSessionEndpoint + "?", signOut.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        AuthorizeRequest.From(await browser.GetAsync("/"));
    }

    [Fact]
    public void Absolute_lifetime_must_be_positive()
    {
        var result = new SignInLifetimeOptionsValidator().Validate(null, new SignInLifetimeOptions { AbsoluteLifetime = TimeSpan.Zero });

        Assert.True(result.Failed);
        Assert.StartsWith("SignIn:AbsoluteLifetime must be positive", result.FailureMessage, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromHours(12), new SignInLifetimeOptions().AbsoluteLifetime);
    }

    [Fact]
    public void Host_refuses_to_start_with_a_negative_absolute_lifetime()
    {
        using var broken = new HybridSpaFactory();
        broken.Settings["SignIn:AbsoluteLifetime"] = "-01:00:00";

        var error = Assert.Throws<OptionsValidationException>(() => broken.CreateClient());

        Assert.Contains("SignIn:AbsoluteLifetime must be positive", error.Message, StringComparison.Ordinal);
    }
}
