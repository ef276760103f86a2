using System.Net;
using HybridSpa.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HybridSpa.Web.Tests.SignIn;

/// <summary>A sign-in ends at the absolute lifetime, judged by the app's clock, however often it is used.</summary>
public sealed class AbsoluteLifetimeTests(AbsoluteLifetimeTests.ClockedFactory factory) : IClassFixture<AbsoluteLifetimeTests.ClockedFactory>
{
    [Fact]
    public async Task Sign_in_used_continuously_ends_at_the_absolute_lifetime()
    {
        using var browser = factory.CreateBrowser();
        await SignInDriver.SignInAsync(factory, browser, TestUser.Create());

        // Every five hours the cookie is more than half through its eight sliding hours, so each visit renews it.
        factory.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        Assert.Contains(browser.LastSetCookies, c => c.Name == SignInDriver.AuthCookie);
        factory.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        factory.Clock.Advance(TimeSpan.FromHours(5));

        var late = await browser.GetAsync("/");

        AuthorizeRequest.From(late);
        Assert.Contains(browser.LastSetCookies, c => c.Name == SignInDriver.AuthCookie && c.Expires < DateTimeOffset.UtcNow);
    }

    /// <summary>The app on a clock the test moves forward.</summary>
    public sealed class ClockedFactory : HybridSpaFactory
    {
        public AdjustableClock Clock { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }
}
