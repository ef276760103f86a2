using System.Net;
using HybridSpa.Web.Tests.Infrastructure;

namespace HybridSpa.Web.Tests.SignIn;

/// <summary>A sign-in the identity provider refuses ends on the sign-in error page, with the AADSTS code and correlation id, never a 500.</summary>
public sealed class SignInErrorPageTests(HybridSpaFactory factory) : IClassFixture<HybridSpaFactory>
{
    [Fact]
    public async Task Replayed_code_answered_with_AADSTS54005_shows_the_error_page()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);
        var correlationId = Guid.NewGuid().ToString();
        var code = SignInDriver.NewCode();
        factory.Idp.OnCode(code, _ => IdentityProviderDouble.Error(HttpStatusCode.BadRequest, "invalid_grant", "54005",
            "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.", correlationId));

        var response = await SignInDriver.CallbackAsync(browser, ("code", code), ("state", authorize.State));

        await SignInDriver.AssertNotSignedInAsync(browser, response);
        await AssertErrorPage(browser, response, "54005", correlationId);
    }

    [Theory]
    [InlineData("invalid_request", "50011")]
    [InlineData("server_error", "90033")]
    [InlineData("interaction_required", "50076")]
    [InlineData("temporarily_unavailable", "50196")]
    public async Task Idp_error_shows_the_error_page_with_code_and_correlation_id(string error, string aadsts)
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);
        var correlationId = Guid.NewGuid().ToString();

        var response = await SignInDriver.CallbackAsync(browser, ("error", error),
            ("error_description", $"AADSTS{aadsts}: Something. Trace ID: {Guid.NewGuid()} Correlation ID: {correlationId} Timestamp: 2026-11-21 10:00:00Z"),
            ("state", authorize.State));

        await SignInDriver.AssertNotSignedInAsync(browser, response);
        await AssertErrorPage(browser, response, aadsts, correlationId);
    }

    private static async Task AssertErrorPage(Browser browser, HttpResponseMessage response, string aadsts, string correlationId)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await browser.GetAsync(response.Headers.Location!.OriginalString);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("AADSTS" + aadsts, html, StringComparison.Ordinal);
        Assert.Contains(correlationId, html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
    }
}
