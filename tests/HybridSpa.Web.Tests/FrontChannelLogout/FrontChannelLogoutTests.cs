using System.Net;
using HybridSpa.Web.FrontChannelLogout;
using HybridSpa.Web.Tests.Infrastructure;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace HybridSpa.Web.Tests.FrontChannelLogout;

/// <summary>
/// The front-channel logout URL as the identity provider calls it: a cross-site iframe with <c>?sid=</c> and none of the app's
/// cookies (third-party cookies blocked).
/// </summary>
public sealed class FrontChannelLogoutTests(HybridSpaFactory factory) : IClassFixture<HybridSpaFactory>
{
    public static TheoryData<string> MalformedQueries => new()
    {
        "",
        "?sid=",
        "?sid",
        "?iss=https%3A%2F%2Flogin.microsoftonline.com",
        "?sid=" + new string('a', 129),
        "?sid=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "?sid=a%00b",
        "?sid=%E2%80%AEsid",
        "?sid=a%20b",
        "?sid=%FF%FE",
        "?sid=a&sid=b",
        "?sid=" + new string('a', 20_000),
    };

    [Fact]
    public async Task Front_channel_logout_with_the_sessions_sid_ends_it_without_a_cookie_and_removes_the_accounts_tokens()
    {
        using var browser = factory.CreateBrowser();
        var user = TestUser.Create();
        await SignInDriver.SignInAsync(factory, browser, user);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        var tokenCache = factory.Services.GetRequiredService<IDistributedCache>();
        var homeAccountId = $"{user.Oid}.{user.TenantId}";
        Assert.NotNull(await tokenCache.GetAsync(homeAccountId));

        var response = await FromIdentityProviderAsync("?sid=" + user.Sid);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await tokenCache.GetAsync(homeAccountId));
        Assert.StartsWith(TestSettings.AuthorizeEndpoint + "?", (await browser.GetAsync("/")).Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_copied_before_the_front_channel_logout_is_refused_and_told_to_go()
    {
        using var browser = factory.CreateBrowser();
        var user = TestUser.Create();
        await SignInDriver.SignInAsync(factory, browser, user);
        using var copy = new Browser(factory.CreateBrowserClient(), new Dictionary<string, SetCookieHeaderValue>(browser.Cookies));

        await FromIdentityProviderAsync("?sid=" + user.Sid);
        var refused = await copy.GetAsync("/profile");

        Assert.StartsWith(TestSettings.AuthorizeEndpoint + "?", refused.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains(copy.LastSetCookies, c => c.Name == SignInDriver.AuthCookie && c.Expires < DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task A_sid_nobody_signed_in_under_ends_nothing_and_gets_the_same_answer_as_a_real_one()
    {
        using var browser = factory.CreateBrowser();
        var user = TestUser.Create();
        await SignInDriver.SignInAsync(factory, browser, user);
        var other = TestUser.Create();
        using var otherBrowser = factory.CreateBrowser();
        await SignInDriver.SignInAsync(factory, otherBrowser, other);

        var forged = await FromIdentityProviderAsync("?sid=" + Guid.NewGuid());
        var real = await FromIdentityProviderAsync("?sid=" + other.Sid);

        await AssertSameAnswerAsync(real, forged);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await otherBrowser.GetAsync("/")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(MalformedQueries))]
    public async Task Malformed_input_ends_nothing_and_gets_the_same_answer(string query)
    {
        using var browser = factory.CreateBrowser();
        var user = TestUser.Create();
        await SignInDriver.SignInAsync(factory, browser, user);
        var wellFormed = await FromIdentityProviderAsync("?sid=" + Guid.NewGuid());

        var malformed = await FromIdentityProviderAsync(query);

        await AssertSameAnswerAsync(wellFormed, malformed);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Repeating_the_front_channel_logout_gets_the_same_answer_and_the_session_stays_ended()
    {
        using var browser = factory.CreateBrowser();
        var user = TestUser.Create();
        await SignInDriver.SignInAsync(factory, browser, user);

        var first = await FromIdentityProviderAsync("?sid=" + user.Sid);
        var second = await FromIdentityProviderAsync("?sid=" + user.Sid);

        await AssertSameAnswerAsync(first, second);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_new_sign_in_under_an_ended_sid_is_not_refused()
    {
        var user = TestUser.Create();
        using var before = factory.CreateBrowser();
        await SignInDriver.SignInAsync(factory, before, user);
        await FromIdentityProviderAsync("?sid=" + user.Sid);

        using var after = factory.CreateBrowser();
        await SignInDriver.SignInAsync(factory, after, user);

        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await before.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Only_the_identity_providers_origin_may_frame_the_answer_and_nothing_keeps_or_redirects_it()
    {
        var response = await FromIdentityProviderAsync("?sid=" + Guid.NewGuid() + "&post_logout_redirect_uri=https%3A%2F%2Fevil.example%2F");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            $"default-src 'none'; base-uri 'none'; frame-ancestors {TestSettings.IdpOrigin}",
            string.Join(' ', response.Headers.GetValues("Content-Security-Policy")));
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Null(response.Headers.Location);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
    }

    /// <summary>The front-channel logout request as the identity provider's iframe makes it: cross-site, without the app's cookies.</summary>
    internal static async Task<HttpResponseMessage> FromIdentityProviderAsync(HybridSpaFactory app, string query)
    {
        using var iframe = app.CreateBrowser();
        return await iframe.SendAsync(new HttpRequestMessage(HttpMethod.Get, FrontChannelLogoutController.Path + query), crossSite: true);
    }

    private Task<HttpResponseMessage> FromIdentityProviderAsync(string query) => FromIdentityProviderAsync(factory, query);

    private static async Task AssertSameAnswerAsync(HttpResponseMessage expected, HttpResponseMessage actual)
    {
        Assert.Equal(expected.StatusCode, actual.StatusCode);
        Assert.Equal(await expected.Content.ReadAsStringAsync(), await actual.Content.ReadAsStringAsync());
        Assert.Equal(HeadersOf(expected), HeadersOf(actual));
    }

    private static string[] HeadersOf(HttpResponseMessage response) =>
        [.. response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key is not ("Date" or "Content-Length"))
            .Select(h => $"{h.Key}: {string.Join(", ", h.Value)}")
            .Order(StringComparer.Ordinal)];
}
