using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using HybridSpa.Web.SpaHost;
using HybridSpa.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;

namespace HybridSpa.Web.Tests.SignIn;

public sealed partial class SignInFlowTests(HybridSpaFactory factory) : IClassFixture<HybridSpaFactory>
{
    [Fact]
    public async Task Challenge_sends_code_flow_with_form_post_pkce_nonce_and_client_info()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);

        Assert.Equal(TestSettings.ClientId, authorize.Get("client_id"));
        Assert.Equal(TestSettings.Origin + "/signin-oidc", authorize.Get("redirect_uri"));
        Assert.Equal("code", authorize.Get("response_type"));
        Assert.Equal("form_post", authorize.Get("response_mode"));
        Assert.Equal("openid profile offline_access User.Read", authorize.Get("scope"));
        Assert.Equal("S256", authorize.Get("code_challenge_method"));
        Assert.Equal(43, authorize.Get("code_challenge")!.Length);
        Assert.Equal("1", authorize.Get("client_info"));
        Assert.NotNull(authorize.Get("x-client-SKU"));
        Assert.False(string.IsNullOrEmpty(authorize.Nonce));
        Assert.False(string.IsNullOrEmpty(authorize.State));
    }

    [Fact]
    public async Task Correlation_and_nonce_cookies_are_secure_httponly_samesite_none()
    {
        using var browser = factory.CreateBrowser();
        await SignInDriver.ChallengeAsync(browser);

        var correlation = Assert.Single(browser.LastSetCookies, c => c.Name.Value!.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal));
        var nonce = Assert.Single(browser.LastSetCookies, c => c.Name.Value!.StartsWith(".AspNetCore.OpenIdConnect.Nonce.", StringComparison.Ordinal));
        foreach (var cookie in new[] { correlation, nonce })
        {
            Assert.True(cookie.Secure);
            Assert.True(cookie.HttpOnly);
            Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.None, cookie.SameSite);
            Assert.Equal("/signin-oidc", cookie.Path.Value);
        }
    }

    [Fact]
    public async Task Sign_in_redeems_with_pkce_verifier_and_spa_code_then_signs_in_with_host_prefixed_cookies()
    {
        using var browser = factory.CreateBrowser();
        var user = TestUser.Create();
        var authorize = await SignInDriver.ChallengeAsync(browser);
        var code = SignInDriver.NewCode();
        factory.Idp.OnCode(code, _ => IdentityProviderDouble.Tokens(new IdTokenBuilder(user, authorize.Nonce).Build(), user, "spa-code-x"));

        var callback = await SignInDriver.CallbackAsync(browser, ("code", code), ("state", authorize.State));

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/", callback.Headers.Location!.OriginalString);
        var redemption = Assert.Single(factory.Idp.RequestsForCode(code));
        Assert.Equal("1", redemption["return_spa_code"]);
        Assert.Equal(TestSettings.Origin + "/signin-oidc", redemption["redirect_uri"]);
        Assert.Equal(authorize.Get("code_challenge"), Pkce(redemption["code_verifier"]));

        var auth = Assert.Single(browser.LastSetCookies, c => c.Name == SignInDriver.AuthCookie);
        var session = Assert.Single(browser.LastSetCookies, c => c.Name == SignInDriver.SessionCookie);
        foreach (var cookie in new[] { auth, session })
        {
            Assert.True(cookie.Secure);
            Assert.True(cookie.HttpOnly);
            Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Lax, cookie.SameSite);
            Assert.Equal("/", cookie.Path.Value);
        }

        // The nonce cookie is consumed.
        Assert.Contains(browser.LastSetCookies, c => c.Name.Value!.StartsWith(".AspNetCore.OpenIdConnect.Nonce.", StringComparison.Ordinal) && c.Expires < DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Spa_code_is_rendered_once_then_null_on_reload()
    {
        using var browser = factory.CreateBrowser();
        var user = TestUser.Create();
        await SignInDriver.SignInAsync(factory, browser, user, spaCode: "spa-code-once");

        var first = await BootstrapOf(await browser.GetAsync("/"));
        var second = await BootstrapOf(await browser.GetAsync("/"));

        Assert.Equal("spa-code-once", first.SpaCode);
        Assert.Null(second.SpaCode);
        Assert.Equal(user.LoginHint, first.LoginHint);
        Assert.Equal(user.LoginHint, second.LoginHint);
        Assert.Equal(user.Sid, first.Sid);
        Assert.False(first.BootstrapByRedirect);
    }

    [Fact]
    public async Task Bootstrap_follows_the_architecture_contract()
    {
        using var browser = factory.CreateBrowser();
        await SignInDriver.SignInAsync(factory, browser, TestUser.Create());

        var bootstrap = await BootstrapOf(await browser.GetAsync("/"));

        Assert.Equal(TestSettings.ClientId, bootstrap.ClientId);
        Assert.Equal(TestSettings.IdpOrigin + "/" + TestSettings.TenantId + "/", bootstrap.Authority);
        Assert.Equal(["idp.test"], bootstrap.KnownAuthorities);
        Assert.Contains("\"authorization_endpoint\"", bootstrap.AuthorityMetadata, StringComparison.Ordinal);
        Assert.Equal(TestSettings.Origin + "/", bootstrap.RedirectUri);
        Assert.Equal(["User.Read"], bootstrap.Scopes);
        Assert.Equal(TestSettings.GraphBaseUrl, bootstrap.GraphBaseUrl);
        Assert.True(bootstrap.SpaCodeRequested);
        Assert.Null(bootstrap.SilentRedirectUri);
        Assert.Equal("/account/spa-code", bootstrap.FreshSpaCodeUrl);
        Assert.Equal("/account/signout", bootstrap.SignOut.Url);
        Assert.Equal("/account/signout/antiforgery", bootstrap.SignOut.AntiforgeryUrl);
    }

    [Fact]
    public async Task Host_page_renders_no_antiforgery_token_and_sets_no_antiforgery_cookie()
    {
        using var browser = factory.CreateBrowser();
        await SignInDriver.SignInAsync(factory, browser, TestUser.Create());

        var page = await browser.GetAsync("/");

        Assert.DoesNotContain("CfDJ8", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal); // no Data Protection payload
        Assert.DoesNotContain(browser.LastSetCookies, c => c.Name == SpaHostExtensions.AntiforgeryCookieName);
    }

    [Fact]
    public async Task Host_page_is_no_store_and_its_script_nonce_matches_the_csp()
    {
        using var browser = factory.CreateBrowser();
        await SignInDriver.SignInAsync(factory, browser, TestUser.Create());

        var page = await browser.GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Contains("no-store", page.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Contains(page.Headers.Pragma, p => p.Name == "no-cache");
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        var cspNonce = CspNonce().Match(csp).Groups[1].Value;
        var scriptNonce = ScriptNonce().Match(html).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(cspNonce));
        Assert.Equal(cspNonce, scriptNonce);
        Assert.Contains("<script type=\"module\" nonce=\"" + scriptNonce + "\" src=\"/app/assets/main-abc123.js\">", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/app/assets/main-def456.css\" />", html, StringComparison.Ordinal);
        Assert.Contains("<div id=\"root\"></div>", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"preconnect\" href=\"https://idp.test\" crossorigin=\"anonymous\" />", html, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("frame-src", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self' https://idp.test https://graph.test", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Hybrid_mode_has_no_silent_callback_page_to_frame()
    {
        using var browser = factory.CreateBrowser();

        var page = await browser.GetAsync("/account/silent-callback");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task Token_cache_entry_is_encrypted_not_readable_json()
    {
        using var browser = factory.CreateBrowser();
        var user = TestUser.Create();
        await SignInDriver.SignInAsync(factory, browser, user);

        var entry = await factory.Services.GetRequiredService<IDistributedCache>().GetAsync($"{user.Oid}.{user.TenantId}");

        Assert.NotNull(entry);
        var text = Encoding.UTF8.GetString(entry);
        Assert.DoesNotContain("refresh-token-" + user.Oid, text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"AccessToken\"", text, StringComparison.Ordinal);
        Assert.NotEqual((byte)'{', entry[0]);
    }

    [Fact]
    public async Task Callback_as_a_get_is_refused_with_a_400_page_before_redemption()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);
        var code = SignInDriver.NewCode();

        var response = await browser.GetAsync($"/signin-oidc?code={code}&state={Uri.EscapeDataString(authorize.State)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The request could not be read", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(factory.Idp.RequestsForCode(code));
    }

    [Fact]
    public async Task Callback_starts_a_new_session_when_the_browser_withholds_the_lax_session_cookie()
    {
        using var browser = factory.CreateBrowser();
        await SignInDriver.SignInAsync(factory, browser, TestUser.Create(), spaCode: "first-code");
        var firstSession = browser.Cookies[SignInDriver.SessionCookie].Value.Value;

        // A second sign-in (e.g. the fresh-SPA-code round trip): the form_post does not carry the Lax session cookie.
        await SignInDriver.SignInAsync(factory, browser, TestUser.Create(), spaCode: "second-code", path: "/account/spa-code");
        var secondSession = browser.Cookies[SignInDriver.SessionCookie].Value.Value;

        Assert.NotEqual(firstSession, secondSession);
        Assert.Equal("second-code", (await BootstrapOf(await browser.GetAsync("/"))).SpaCode);
    }

    internal static async Task<BootstrapModel> BootstrapOf(HttpResponseMessage page)
    {
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var json = BootstrapJson().Match(html).Groups[1].Value;
        return BootstrapSerializer.Deserialize(json)!;
    }

    private static string Pkce(string verifier) =>
        Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)));

    [GeneratedRegex("<script type=\"application/json\" id=\"hybridspa-bootstrap\">(.*?)</script>", RegexOptions.Singleline)]
    internal static partial Regex BootstrapJson();

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex CspNonce();

    [GeneratedRegex("<script type=\"module\" nonce=\"([^\"]+)\"")]
    private static partial Regex ScriptNonce();
}
