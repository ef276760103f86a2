using System.Net;
using HybridSpa.Web.Tests.Infrastructure;

namespace HybridSpa.Web.Tests.SignIn;

public sealed class FreshSpaCodeTests(HybridSpaFactory factory) : IClassFixture<HybridSpaFactory>
{
    [Fact]
    public async Task Fresh_spa_code_endpoint_sends_a_prompt_none_challenge_with_the_login_hint_back_to_root()
    {
        using var browser = factory.CreateBrowser();
        var user = TestUser.Create();
        await SignInDriver.SignInAsync(factory, browser, user);

        var authorize = AuthorizeRequest.From(await browser.GetAsync("/account/spa-code"));

        Assert.Equal("none", authorize.Get("prompt"));
        Assert.Equal(user.LoginHint, authorize.Get("login_hint"));
        var code = SignInDriver.NewCode();
        factory.Idp.OnCode(code, _ => IdentityProviderDouble.Tokens(new IdTokenBuilder(user, authorize.Nonce).Build(), user, "fresh-code"));
        var callback = await SignInDriver.CallbackAsync(browser, ("code", code), ("state", authorize.State));
        Assert.Equal("/", callback.Headers.Location!.OriginalString);
        Assert.Equal("fresh-code", (await SignInFlowTests.BootstrapOf(await browser.GetAsync("/"))).SpaCode);
    }

    [Fact]
    public async Task Fresh_spa_code_requires_a_signed_in_user()
    {
        using var browser = factory.CreateBrowser();

        var response = await browser.GetAsync("/account/spa-code");

        var authorize = AuthorizeRequest.From(response);
        Assert.Null(authorize.Get("prompt"));
    }
}
