using System.Net;
using HybridSpa.Web.Tests.Infrastructure;

namespace HybridSpa.Web.Tests.SignIn;

/// <summary>
/// The checks the official handler skips when Identity.Web redeemed the code: nonce, signature, azp, at_hash, client_info.
/// Each case tampers with one of them; none may sign in and none may produce a 5xx.
/// </summary>
public sealed class TokenResponseValidationTests(HybridSpaFactory factory) : IClassFixture<HybridSpaFactory>
{
    [Fact]
    public async Task Nonce_mismatch_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);

        var response = await SignInDriver.CallbackWithIdTokenAsync(factory, browser, authorize, new IdTokenBuilder(TestUser.Create(), "638000000000000000.forged-nonce"));

        await SignInDriver.AssertNotSignedInAsync(browser, response);
    }

    [Fact]
    public async Task Missing_nonce_claim_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);

        var response = await SignInDriver.CallbackWithIdTokenAsync(factory, browser, authorize, new IdTokenBuilder(TestUser.Create(), nonce: null));

        await SignInDriver.AssertNotSignedInAsync(browser, response);
    }

    [Fact]
    public async Task Alg_none_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);

        var response = await SignInDriver.CallbackWithIdTokenAsync(factory, browser, authorize, new IdTokenBuilder(TestUser.Create(), authorize.Nonce).SignedWith(null));

        await SignInDriver.AssertNotSignedInAsync(browser, response);
    }

    [Fact]
    public async Task Audience_naming_us_and_another_client_without_azp_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);

        var response = await SignInDriver.CallbackWithIdTokenAsync(factory, browser, authorize, new IdTokenBuilder(TestUser.Create(), authorize.Nonce)
            .With("aud", new[] { TestSettings.ClientId, Guid.NewGuid().ToString() }));

        await SignInDriver.AssertNotSignedInAsync(browser, response);
    }

    [Fact]
    public async Task Audience_naming_us_and_another_client_with_our_azp_signs_in()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);

        var response = await SignInDriver.CallbackWithIdTokenAsync(factory, browser, authorize, new IdTokenBuilder(TestUser.Create(), authorize.Nonce)
            .With("aud", new[] { TestSettings.ClientId, Guid.NewGuid().ToString() })
            .With("azp", TestSettings.ClientId));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(browser.LastSetCookies, c => c.Name == SignInDriver.AuthCookie);
    }

    [Fact]
    public async Task Foreign_azp_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);

        var response = await SignInDriver.CallbackWithIdTokenAsync(factory, browser, authorize, new IdTokenBuilder(TestUser.Create(), authorize.Nonce).With("azp", Guid.NewGuid().ToString()));

        await SignInDriver.AssertNotSignedInAsync(browser, response);
    }

    [Fact]
    public async Task At_hash_not_matching_the_access_token_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);

        var response = await SignInDriver.CallbackWithIdTokenAsync(factory, browser, authorize, new IdTokenBuilder(TestUser.Create(), authorize.Nonce).With("at_hash", "AAAAAAAAAAAAAAAAAAAAAA"));

        await SignInDriver.AssertNotSignedInAsync(browser, response);
    }

    [Fact]
    public async Task Client_info_uid_conflicting_with_oid_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);
        var user = TestUser.Create();
        var code = SignInDriver.NewCode();
        factory.Idp.OnCode(code, _ => IdentityProviderDouble.Tokens(new IdTokenBuilder(user, authorize.Nonce).Build(), user, "spa"));

        // The authorization response's client_info is what names the account in the token cache.
        var response = await SignInDriver.CallbackAsync(browser,
            ("code", code), ("state", authorize.State), ("client_info", IdentityProviderDouble.ClientInfo(user, uid: Guid.NewGuid().ToString())));

        await SignInDriver.AssertNotSignedInAsync(browser, response);
    }
}
