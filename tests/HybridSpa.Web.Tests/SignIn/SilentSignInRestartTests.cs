using HybridSpa.Web.Tests.Infrastructure;

namespace HybridSpa.Web.Tests.SignIn;

/// <summary>A <c>prompt=none</c> round trip that needs interaction becomes the normal sign-in with the same login hint.</summary>
public sealed class SilentSignInRestartTests(HybridSpaFactory factory) : IClassFixture<HybridSpaFactory>
{
    [Theory]
    [InlineData("login_required")]
    [InlineData("interaction_required")]
    public async Task Silent_round_trip_needing_interaction_falls_back_to_interactive_sign_in_with_login_hint(string error)
    {
        using var browser = factory.CreateBrowser();
        var user = TestUser.Create();
        await SignInDriver.SignInAsync(factory, browser, user);
        var silent = AuthorizeRequest.From(await browser.GetAsync("/account/spa-code"));

        var response = await SignInDriver.CallbackAsync(browser, ("error", error),
            ("error_description", "AADSTS50058: A silent sign-in request was sent but no user is signed in."), ("state", silent.State));

        var interactive = AuthorizeRequest.From(response);
        Assert.Null(interactive.Get("prompt"));
        Assert.Equal(user.LoginHint, interactive.Get("login_hint"));
    }
}
