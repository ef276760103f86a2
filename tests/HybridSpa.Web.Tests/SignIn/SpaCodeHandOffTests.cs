using HybridSpa.Web.HandOff;
using HybridSpa.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Moq;

namespace HybridSpa.Web.Tests.SignIn;

/// <summary>The SPA code reaches the take-once hand-off only from a sign-in whose id_token validated.</summary>
public sealed class SpaCodeHandOffTests : IDisposable
{
    private readonly Mock<ITakeOnceSpaCodeStore> _store = new();
    private readonly SpyFactory _factory;

    public SpaCodeHandOffTests()
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
