using System.Net;
using HybridSpa.Web.Tests.Infrastructure;

namespace HybridSpa.Web.Tests.SignIn;

/// <summary>An account that cannot get a SPA code (AADSTS9000512) signs in again without asking for one.</summary>
public sealed class SpaCodeRefusedRestartTests(HybridSpaFactory factory) : IClassFixture<HybridSpaFactory>
{
    [Fact]
    public async Task AADSTS9000512_restarts_sign_in_without_spa_code_and_bootstrap_says_redirect()
    {
        using var browser = factory.CreateBrowser();
        var user = TestUser.Create(name: "Consumer User");
        var first = await SignInDriver.ChallengeAsync(browser);
        var refusedCode = SignInDriver.NewCode();
        factory.Idp.OnCode(refusedCode, _ => IdentityProviderDouble.Error(HttpStatusCode.BadRequest, "invalid_request", "9000512",
            "A Hybrid SPA code can only be requested while redeeming a confidential client authorization code."));

        var refused = await SignInDriver.CallbackAsync(browser, ("code", refusedCode), ("state", first.State));

        // The handler restarts the sign-in silently, without asking for a SPA code this time.
        var retry = AuthorizeRequest.From(refused);
        Assert.Equal("none", retry.Get("prompt"));
        Assert.DoesNotContain(browser.LastSetCookies, c => c.Name == SignInDriver.AuthCookie);
        Assert.Equal("1", Assert.Single(factory.Idp.RequestsForCode(refusedCode))["return_spa_code"]);

        var code = SignInDriver.NewCode();
        factory.Idp.OnCode(code, _ => IdentityProviderDouble.Tokens(new IdTokenBuilder(user, retry.Nonce).Build(), user, spaCode: null));
        var callback = await SignInDriver.CallbackAsync(browser, ("code", code), ("state", retry.State));

        Assert.False(Assert.Single(factory.Idp.RequestsForCode(code)).ContainsKey("return_spa_code"));
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        var bootstrap = await SignInFlowTests.BootstrapOf(await browser.GetAsync("/"));
        Assert.True(bootstrap.BootstrapByRedirect);
        Assert.Null(bootstrap.SpaCode);
        Assert.Equal(user.LoginHint, bootstrap.LoginHint);
    }
}
