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

        var response = await browser.GetAsync("/profile?extra=true");

        var authorize = AuthorizeRequest.From(response);
        Assert.Contains("Mail.Read", authorize.Get("scope")!.Split(' '));
        Assert.Contains("User.Read", authorize.Get("scope")!.Split(' '));
        Assert.Equal(user.LoginHint, authorize.Get("login_hint"));
    }

    [Fact]
    public async Task Re_challenge_redeems_the_new_code_for_the_extra_scope_and_returns_to_the_profile()
    {
        using var browser = factory.CreateBrowser();
        var user = TestUser.Create();
        await SignInDriver.SignInAsync(factory, browser, user);
        factory.Idp.OnRefreshToken = _ => IdentityProviderDouble.Error(HttpStatusCode.BadRequest, "invalid_grant", "65001", "Consent required.");
        var authorize = AuthorizeRequest.From(await browser.GetAsync("/profile?extra=true"));
        var code = SignInDriver.NewCode();
        factory.Idp.OnCode(code, _ => IdentityProviderDouble.Tokens(new IdTokenBuilder(user, authorize.Nonce).Build(), user, "spa"));

        var callback = await SignInDriver.CallbackAsync(browser, ("code", code), ("state", authorize.State));

        Assert.Equal("/profile?extra=true", callback.Headers.Location!.OriginalString);
        Assert.Contains("Mail.Read", Assert.Single(factory.Idp.RequestsForCode(code))["scope"].Split(' '));
    }
}
