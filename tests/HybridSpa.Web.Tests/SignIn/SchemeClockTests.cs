using System.Net;
using HybridSpa.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HybridSpa.Web.Tests.SignIn;

/// <summary>The id_token's lifetime is judged by the app's clock (its <see cref="TimeProvider"/>), not the machine's.</summary>
public sealed class SchemeClockTests(SchemeClockTests.TwoHoursAheadFactory factory) : IClassFixture<SchemeClockTests.TwoHoursAheadFactory>
{
    private static readonly TimeSpan Ahead = TimeSpan.FromHours(2);

    [Fact]
    public async Task Token_valid_by_the_machine_clock_but_expired_by_the_apps_clock_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);

        var response = await CallbackAsync(browser, authorize, new IdTokenBuilder(TestUser.Create(), authorize.Nonce));

        await SignInDriver.AssertNotSignedInAsync(browser, response);
    }

    [Fact]
    public async Task Token_issued_at_the_apps_clock_signs_in()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);
        var now = (DateTimeOffset.UtcNow + Ahead).ToUnixTimeSeconds();

        var response = await CallbackAsync(browser, authorize, new IdTokenBuilder(TestUser.Create(), authorize.Nonce)
            .With("iat", now - 60).With("nbf", now - 60).With("exp", now + 3600));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(browser.LastSetCookies, c => c.Name == SignInDriver.AuthCookie);
    }

    private async Task<HttpResponseMessage> CallbackAsync(Browser browser, AuthorizeRequest authorize, IdTokenBuilder idToken)
    {
        var code = SignInDriver.NewCode();
        var user = TestUser.Create() with { Oid = (string)idToken.Claims["oid"]! };
        factory.Idp.OnCode(code, _ => IdentityProviderDouble.Tokens(idToken.Build(), user, "spa-code"));
        return await SignInDriver.CallbackAsync(browser, ("code", code), ("state", authorize.State));
    }

    /// <summary>The app under a clock two hours ahead of the machine's.</summary>
    public sealed class TwoHoursAheadFactory : HybridSpaFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new ShiftedTimeProvider(Ahead)));
        }
    }

    private sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }
}
