using System.Net;
using HybridSpa.Web.Tests.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace HybridSpa.Web.Tests.SignIn;

/// <summary>Unfinished sign-ins (many tabs) keep the cookies of the newest few only, so the next callback stays small.</summary>
public sealed class PendingSignInCookiesTests(HybridSpaFactory factory) : IClassFixture<HybridSpaFactory>
{
    private const string ListCookie = "__Host-HybridSpa.PendingSignIns";

    [Fact]
    public async Task After_eighty_unfinished_sign_ins_the_next_one_completes_with_small_request_headers()
    {
        using var browser = factory.CreateBrowser();
        var challenges = new List<AuthorizeRequest>();
        for (var i = 0; i < 80; i++)
        {
            challenges.Add(await SignInDriver.ChallengeAsync(browser));
        }

        // What the browser sends to the callback: five pending pairs, far below the 32 kB header limit (was 80 pairs, ~34 kB).
        var sentToCallback = browser.Cookies.Values.Where(c => "/signin-oidc".StartsWith(c.Path.HasValue ? c.Path.Value! : "/", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, sentToCallback.Count(c => c.Name.Value!.StartsWith(".AspNetCore.OpenIdConnect.Nonce.", StringComparison.Ordinal)));
        Assert.Equal(5, sentToCallback.Count(c => c.Name.Value!.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal)));
        var headerLength = sentToCallback.Sum(c => c.Name.Length + c.Value.Length + 2);
        Assert.True(headerLength < 8 * 1024, $"Cookie header of {headerLength} characters");

        // Any of the newest five completes; the newest does here, then an older one of the five.
        Assert.Equal(HttpStatusCode.Redirect, (await CompleteAsync(browser, challenges[^1])).StatusCode);
        Assert.Contains(browser.LastSetCookies, c => c.Name == SignInDriver.AuthCookie);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await CompleteAsync(browser, challenges[^4])).StatusCode);
        Assert.Contains(browser.LastSetCookies, c => c.Name == SignInDriver.AuthCookie);
    }

    [Fact]
    public async Task A_completed_sign_in_leaves_the_list_and_the_last_one_takes_the_list_with_it()
    {
        using var browser = factory.CreateBrowser();
        var first = await SignInDriver.ChallengeAsync(browser);
        var second = await SignInDriver.ChallengeAsync(browser);
        Assert.Equal(2, PendingPairs(browser));

        Assert.Equal(HttpStatusCode.Redirect, (await CompleteAsync(browser, second)).StatusCode);
        Assert.Equal(1, PendingPairs(browser));

        Assert.Equal(HttpStatusCode.Redirect, (await CompleteAsync(browser, first)).StatusCode);
        Assert.DoesNotContain(ListCookie, browser.Cookies.Keys);
        Assert.Contains(browser.LastSetCookies, c => c.Name == ListCookie && c.Expires < DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Pending_list_naming_other_cookies_deletes_none_of_them_and_the_challenge_still_works()
    {
        var jar = new Dictionary<string, SetCookieHeaderValue>(StringComparer.Ordinal);
        using var browser = new Browser(factory.CreateBrowserClient(), jar);
        await SignInDriver.SignInAsync(factory, browser, TestUser.Create());
        var hostile = string.Join('|', Enumerable.Repeat($"{SignInDriver.AuthCookie}~{SignInDriver.SessionCookie}~%0d%0aX:y~;;", 10));
        jar[ListCookie] = new SetCookieHeaderValue(ListCookie, Uri.EscapeDataString(hostile)) { Path = "/" };

        var challenge = await browser.GetAsync("/account/spa-code");

        AuthorizeRequest.From(challenge);
        Assert.DoesNotContain(browser.LastSetCookies, c => c.Name == SignInDriver.AuthCookie || c.Name == SignInDriver.SessionCookie);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    private static int PendingPairs(Browser browser) =>
        Uri.UnescapeDataString(browser.Cookies[ListCookie].Value.ToString()).Split('|', StringSplitOptions.RemoveEmptyEntries).Length;

    private async Task<HttpResponseMessage> CompleteAsync(Browser browser, AuthorizeRequest authorize)
    {
        var user = TestUser.Create();
        var code = SignInDriver.NewCode();
        factory.Idp.OnCode(code, _ => IdentityProviderDouble.Tokens(new IdTokenBuilder(user, authorize.Nonce).Build(), user, "spa-code"));
        return await SignInDriver.CallbackAsync(browser, ("code", code), ("state", authorize.State));
    }
}
