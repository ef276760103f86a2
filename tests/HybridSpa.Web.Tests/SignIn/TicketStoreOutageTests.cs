using System.Net;
using HybridSpa.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;

namespace HybridSpa.Web.Tests.SignIn;

/// <summary>The ticket lives in the shared store: while it is down, a signed-in user gets the 503 page, and is still signed in after.</summary>
public sealed class TicketStoreOutageTests(TicketStoreOutageTests.OutageFactory factory) : IClassFixture<TicketStoreOutageTests.OutageFactory>
{
    [Fact]
    public async Task Store_outage_gives_the_503_page_and_the_user_is_still_signed_in_once_it_is_back()
    {
        using var browser = factory.CreateBrowser();
        await SignInDriver.SignInAsync(factory, browser, TestUser.Create());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        factory.Cache.Down = true;
        HttpResponseMessage down;
        try
        {
            down = await browser.GetAsync("/");
        }
        finally
        {
            factory.Cache.Down = false;
        }

        var html = await down.Content.ReadAsStringAsync();
        Assert.True(down.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)down.StatusCode}: {html}");
        Assert.Contains("Temporarily unavailable", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/app/assets/main-def456.css\" />", html, StringComparison.Ordinal);
        Assert.DoesNotContain(browser.LastSetCookies, c => c.Name == SignInDriver.AuthCookie);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    /// <summary>The app on a cache the test can switch off.</summary>
    public sealed class OutageFactory : HybridSpaFactory
    {
        public SwitchableCache Cache { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IDistributedCache>(Cache));
        }
    }
}
