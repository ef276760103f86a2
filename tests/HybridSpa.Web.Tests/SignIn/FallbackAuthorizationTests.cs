using System.Net;
using HybridSpa.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HybridSpa.Web.Tests.SignIn;

/// <summary>A controller someone adds without saying who may call it is closed: anonymous callers are sent to sign in.</summary>
public sealed class FallbackAuthorizationTests : IDisposable
{
    private readonly UnmarkedControllerFactory _factory = new();

    [Fact]
    public async Task A_new_controller_without_authorize_or_allow_anonymous_requires_a_signed_in_user()
    {
        using var browser = _factory.CreateBrowser();

        var anonymous = await browser.GetAsync(UnmarkedController.Path);

        AuthorizeRequest.From(anonymous);
        await SignInDriver.SignInAsync(_factory, browser, TestUser.Create());
        var signedIn = await browser.GetAsync(UnmarkedController.Path);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(UnmarkedController.Body, await signedIn.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/error/404")]
    [InlineData("/health")]
    [InlineData("/account/signed-out")]
    [InlineData("/no-such-page")]
    public async Task What_is_marked_anonymous_stays_open(string path)
    {
        using var browser = _factory.CreateBrowser();

        var response = await browser.GetAsync(path);

        Assert.False(response.StatusCode == HttpStatusCode.Redirect, $"{path} redirected to {response.Headers.Location}");
        Assert.True((int)response.StatusCode < 500, $"{path} answered {(int)response.StatusCode}");
    }

    public void Dispose() => _factory.Dispose();

    private sealed class UnmarkedControllerFactory : HybridSpaFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddControllers().AddApplicationPart(typeof(UnmarkedController).Assembly));
        }
    }
}

/// <summary>A controller as someone might add it: no [Authorize], no [AllowAnonymous].</summary>
[Route(Path)]
public sealed class UnmarkedController : Controller
{
    public const string Path = "/test-only/unmarked";
    public const string Body = "unmarked";

    [HttpGet("")]
    public IActionResult Get() => Content(Body);
}
