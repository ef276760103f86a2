using System.Net;
using HybridSpa.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HybridSpa.Web.Tests.Security;

/// <summary>Pages with user data or per-user state are never stored by a cache; HSTS holds for a year, subdomains included.</summary>
public sealed class CachingAndHstsTests(HybridSpaFactory factory) : IClassFixture<HybridSpaFactory>
{
    [Fact]
    public async Task Profile_is_not_stored()
    {
        using var browser = factory.CreateBrowser();
        await SignInDriver.SignInAsync(factory, browser, TestUser.Create());

        var response = await browser.GetAsync("/profile");

        Assert.True(HttpStatusCode.OK == response.StatusCode, $"{response.StatusCode} {response.Headers.Location}");
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: " + response.Headers.CacheControl);
    }

    [Theory]
    [InlineData("/account/signed-out", HttpStatusCode.OK)]
    [InlineData("/account/access-denied", HttpStatusCode.OK)]
    [InlineData("/error/sign-in?error=access_denied&aadsts=50105", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    public async Task Signed_out_and_error_pages_are_not_stored(string path, HttpStatusCode status)
    {
        using var browser = factory.CreateBrowser();

        var response = await browser.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task Hsts_is_one_year_with_subdomains_outside_development()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://hybridspa.example"), // UseHsts leaves out localhost
        });

        var response = await client.GetAsync("/account/signed-out");

        Assert.Equal("max-age=31536000; includeSubDomains", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task No_hsts_in_development()
    {
        using var development = new DevelopmentFactory();
        using var client = development.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://hybridspa.example"),
        });

        var response = await client.GetAsync("/account/signed-out");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private sealed class DevelopmentFactory : HybridSpaFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }
}
