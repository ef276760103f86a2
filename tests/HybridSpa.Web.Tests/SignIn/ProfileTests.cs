using System.Net;
using HybridSpa.Web.Tests.Infrastructure;

namespace HybridSpa.Web.Tests.SignIn;

public sealed class ProfileTests(HybridSpaFactory factory) : IClassFixture<HybridSpaFactory>
{
    [Fact]
    public async Task Profile_calls_graph_with_the_cached_token_without_a_new_token_request()
    {
        using var browser = factory.CreateBrowser();
        var user = TestUser.Create();
        await SignInDriver.SignInAsync(factory, browser, user);
        var tokenRequests = factory.Idp.TokenRequests.Count;

        var page = await browser.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Graph Ada", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Bearer access-token-1", factory.Graph.Authorizations.Last());
        Assert.Equal(tokenRequests, factory.Idp.TokenRequests.Count);
    }

    [Fact]
    public async Task Scope_not_consented_at_sign_in_becomes_a_re_challenge_for_that_scope()
    {
        using var browser = factory.CreateBrowser();
        var user = TestUser.Create();
        await SignInDriver.SignInAsync(factory, browser, user);
        factory.Idp.OnRefreshToken = _ => IdentityProviderDouble.Error(HttpStatusCode.BadRequest, "invalid_grant", "65001",
            "The user or administrator has not consented to use the application.", suberror: "consent_required");

        var response = await browser.GetAsync("/profile/mail");

        var authorize = AuthorizeRequest.From(response);
        Assert.Contains("Mail.Read", authorize.Get("scope")!.Split(' '));
        Assert.Contains("User.Read", authorize.Get("scope")!.Split(' '));
        // Identity.Web's AuthorizeForScopes names the account by its preferred_username.
        Assert.Equal(user.PreferredUsername, authorize.Get("login_hint"));
    }

    [Fact]
    public async Task After_consent_the_extra_scope_page_renders_with_a_token_for_that_scope()
    {
        using var browser = factory.CreateBrowser();
        var user = TestUser.Create();
        await SignInDriver.SignInAsync(factory, browser, user);
        factory.Idp.OnRefreshToken = _ => IdentityProviderDouble.Error(HttpStatusCode.BadRequest, "invalid_grant", "65001", "Consent required.");
        var authorize = AuthorizeRequest.From(await browser.GetAsync("/profile/mail"));
        var code = SignInDriver.NewCode();
        factory.Idp.OnCode(code, _ => IdentityProviderDouble.Tokens(new IdTokenBuilder(user, authorize.Nonce).Build(), user, "spa"));
        var callback = await SignInDriver.CallbackAsync(browser, ("code", code), ("state", authorize.State));
        Assert.Equal("/profile/mail", callback.Headers.Location!.OriginalString);

        // Consent given: the refresh token now yields a token with the extra scope.
        factory.Idp.OnRefreshToken = form => IdentityProviderDouble.Tokens(
            new IdTokenBuilder(user, nonce: null).Build(), user, spaCode: null, accessToken: "access-token-mail", scope: form["scope"]);
        var page = await browser.GetAsync("/profile/mail");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Mail.Read", factory.Idp.TokenRequests.Last(r => r.GetValueOrDefault("grant_type") == "refresh_token")["scope"].Split(' '));
        Assert.Equal("Bearer access-token-mail", factory.Graph.Authorizations.Last());
        Assert.Contains("Quarterly numbers", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
