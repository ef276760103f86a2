using System.Net;
using System.Text;
using HybridSpa.Web.HandOff;
using HybridSpa.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Moq;

namespace HybridSpa.Web.Tests.SignIn;

/// <summary>What the hybrid sign-in events add to Identity.Web: the SPA code's path to the hand-off, and the cache it leaves.</summary>
public sealed class HybridSignInEventsTests : IDisposable
{
    private readonly Mock<ITakeOnceSpaCodeStore> _store = new();
    private readonly SpyFactory _factory;

    public HybridSignInEventsTests()
    {
        _store.Setup(s => s.PutAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        _factory = new SpyFactory(_store.Object);
    }

    public static TheoryData<string> InvalidIdTokens => ["signature", "nonce", "audience", "issuer"];

    [Theory]
    [MemberData(nameof(InvalidIdTokens))]
    public async Task Spa_code_of_a_sign_in_whose_id_token_is_invalid_never_reaches_the_store(string tampered)
    {
        using var browser = _factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);
        var user = TestUser.Create();
        var idToken = new IdTokenBuilder(user, tampered == "nonce" ? "638000000000000000.forged" : authorize.Nonce);
        idToken = tampered switch
        {
            "signature" => idToken.SignedWith(new SigningCredentials(TestKeys.Unknown, SecurityAlgorithms.RsaSha256)),
            "audience" => idToken.With("aud", Guid.NewGuid().ToString()),
            "issuer" => idToken.With("iss", "https://evil.test/" + TestSettings.TenantId + "/v2.0"),
            _ => idToken,
        };
        var code = SignInDriver.NewCode();
        _factory.Idp.OnCode(code, _ => IdentityProviderDouble.Tokens(idToken.Build(), user, "spa-code-of-a-failed-sign-in"));

        var response = await SignInDriver.CallbackAsync(browser, ("code", code), ("state", authorize.State), ("client_info", IdentityProviderDouble.ClientInfo(user)));

        Assert.Single(_factory.Idp.RequestsForCode(code));
        await SignInDriver.AssertNotSignedInAsync(browser, response);
        _store.Verify(s => s.PutAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Spa_code_of_a_valid_sign_in_reaches_the_store()
    {
        using var browser = _factory.CreateBrowser();

        await SignInDriver.SignInAsync(_factory, browser, TestUser.Create(), spaCode: "spa-code-valid");

        _store.Verify(s => s.PutAsync(It.IsAny<string>(), "spa-code-valid", It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Token_cache_entry_is_encrypted_not_readable_json()
    {
        using var browser = _factory.CreateBrowser();
        var user = TestUser.Create();
        await SignInDriver.SignInAsync(_factory, browser, user);

        var entry = await _factory.Services.GetRequiredService<IDistributedCache>().GetAsync($"{user.Oid}.{user.TenantId}");

        Assert.NotNull(entry);
        var text = Encoding.UTF8.GetString(entry);
        Assert.DoesNotContain("refresh-token-" + user.Oid, text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"AccessToken\"", text, StringComparison.Ordinal);
        Assert.NotEqual((byte)'{', entry[0]);
    }

    [Fact]
    public async Task Callback_as_a_get_is_refused_with_a_400_page_before_redemption()
    {
        using var browser = _factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);
        var code = SignInDriver.NewCode();

        var response = await browser.GetAsync($"/signin-oidc?code={code}&state={Uri.EscapeDataString(authorize.State)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The request could not be read", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_factory.Idp.RequestsForCode(code));
    }

    public void Dispose() => _factory.Dispose();

    private sealed class SpyFactory(ITakeOnceSpaCodeStore store) : HybridSpaFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(store));
        }
    }
}
