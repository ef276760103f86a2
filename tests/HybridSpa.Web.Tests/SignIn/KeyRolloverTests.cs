using System.Net;
using HybridSpa.Web.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace HybridSpa.Web.Tests.SignIn;

/// <summary>Own factory: the key rollover changes the identity provider's published keys.</summary>
public sealed class KeyRolloverTests : IDisposable
{
    private readonly HybridSpaFactory _factory = new();

    [Fact]
    public async Task Unknown_kid_refreshes_metadata_and_accepts_the_rolled_over_key()
    {
        using var browser = _factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);
        var fetchesBefore = _factory.Idp.MetadataFetches;
        _factory.Idp.PublishedKeys.Add(TestKeys.Rollover);
        var user = TestUser.Create();
        var code = SignInDriver.NewCode();
        _factory.Idp.OnCode(code, _ => IdentityProviderDouble.Tokens(new IdTokenBuilder(user, authorize.Nonce)
            .SignedWith(new SigningCredentials(TestKeys.Rollover, SecurityAlgorithms.RsaSha256)).Build(), user, "spa-after-rollover"));

        var response = await SignInDriver.CallbackAsync(browser, ("code", code), ("state", authorize.State));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(browser.LastSetCookies.Any(c => c.Name == SignInDriver.AuthCookie), $"Not signed in; sent to {response.Headers.Location}; metadata fetches {fetchesBefore} -> {_factory.Idp.MetadataFetches}.");
        Assert.True(_factory.Idp.MetadataFetches > fetchesBefore, "The unknown kid should have refreshed the metadata.");
        Assert.Equal("spa-after-rollover", (await SignInFlowTests.BootstrapOf(await browser.GetAsync("/"))).SpaCode);
    }

    public void Dispose() => _factory.Dispose();
}
