using HybridSpa.Web.Tests.Infrastructure;
using HybridSpa.Web.Tests.SignIn;
using Microsoft.Net.Http.Headers;

namespace HybridSpa.Web.Tests.HandOff;

/// <summary>The SPA code goes only to a page rendered for the account that signed in, in a session that sign-in started.</summary>
public sealed class HandOffOwnershipTests(HybridSpaFactory factory) : IClassFixture<HybridSpaFactory>
{
    [Fact]
    public async Task Session_cookie_planted_before_sign_in_is_replaced_and_its_planter_never_gets_the_code()
    {
        // The attacker signs in and renders their own page; their session cookie is what they plant.
        var attackerJar = NewJar();
        using var attacker = new Browser(factory.CreateBrowserClient(), attackerJar);
        await SignInDriver.SignInAsync(factory, attacker, TestUser.Create("Mallory"), spaCode: "attacker-code");
        Assert.Equal("attacker-code", (await SignInFlowTests.BootstrapOf(await attacker.GetAsync("/"))).SpaCode);
        var planted = attackerJar[SignInDriver.SessionCookie];

        // SameSite=None, so it rides the identity provider's cross-site form post to the victim's callback.
        var victimJar = NewJar();
        victimJar[SignInDriver.SessionCookie] = new SetCookieHeaderValue(planted.Name, planted.Value)
        {
            Path = "/", Secure = true, HttpOnly = true, SameSite = SameSiteMode.None,
        };
        using var victim = new Browser(factory.CreateBrowserClient(), victimJar);
        var victimUser = TestUser.Create("Ada");
        await SignInDriver.SignInAsync(factory, victim, victimUser, spaCode: "victim-code");

        var renewed = Assert.Single(victim.LastSetCookies, c => c.Name == SignInDriver.SessionCookie);
        Assert.NotEqual(planted.Value, renewed.Value);
        var attackersPage = await SignInFlowTests.BootstrapOf(await attacker.GetAsync("/"));
        Assert.Null(attackersPage.SpaCode);
        Assert.NotEqual(victimUser.LoginHint, attackersPage.LoginHint);
        Assert.Equal("victim-code", (await SignInFlowTests.BootstrapOf(await victim.GetAsync("/"))).SpaCode);
    }

    [Fact]
    public async Task Page_for_another_signed_in_user_carrying_the_owners_session_cookie_gets_nothing_and_leaves_the_code_to_the_owner()
    {
        var ownerJar = NewJar();
        using var owner = new Browser(factory.CreateBrowserClient(), ownerJar);
        await SignInDriver.SignInAsync(factory, owner, TestUser.Create("Ada"), spaCode: "owner-code");
        var otherJar = NewJar();
        using var other = new Browser(factory.CreateBrowserClient(), otherJar);
        var otherUser = TestUser.Create("Mallory");
        await SignInDriver.SignInAsync(factory, other, otherUser, spaCode: "other-code");
        otherJar[SignInDriver.SessionCookie] = ownerJar[SignInDriver.SessionCookie];

        var page = await SignInFlowTests.BootstrapOf(await other.GetAsync("/"));

        Assert.Null(page.SpaCode);
        Assert.Equal(otherUser.LoginHint, page.LoginHint);
        Assert.Equal(otherUser.Sid, page.Sid);
        Assert.Equal("owner-code", (await SignInFlowTests.BootstrapOf(await owner.GetAsync("/"))).SpaCode);
    }

    [Fact]
    public async Task Same_account_in_another_identity_provider_session_does_not_get_the_code()
    {
        var user = TestUser.Create("Ada");
        var ownerJar = NewJar();
        using var owner = new Browser(factory.CreateBrowserClient(), ownerJar);
        await SignInDriver.SignInAsync(factory, owner, user, spaCode: "first-session-code");
        var otherJar = NewJar();
        using var otherSession = new Browser(factory.CreateBrowserClient(), otherJar);
        await SignInDriver.SignInAsync(factory, otherSession, user with { Sid = "sid-elsewhere" }, spaCode: "second-session-code");
        otherJar[SignInDriver.SessionCookie] = ownerJar[SignInDriver.SessionCookie];

        Assert.Null((await SignInFlowTests.BootstrapOf(await otherSession.GetAsync("/"))).SpaCode);
        Assert.Equal("first-session-code", (await SignInFlowTests.BootstrapOf(await owner.GetAsync("/"))).SpaCode);
    }

    private static Dictionary<string, SetCookieHeaderValue> NewJar() => new(StringComparer.Ordinal);
}
