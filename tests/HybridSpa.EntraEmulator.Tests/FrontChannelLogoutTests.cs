using System.Net;
using System.Text.RegularExpressions;
using HybridSpa.EntraEmulator.Tests.Support;

namespace HybridSpa.EntraEmulator.Tests;

/// <summary>
/// Front-channel logout: the logout page loads each signed-in app's <c>FrontChannelLogoutUrl</c> in a hidden iframe with the
/// ID tokens' <c>sid</c> and no <c>iss</c>, under a CSP that allows exactly those frames, then continues to the post-logout URI.
/// </summary>
public sealed partial class FrontChannelLogoutTests : IAsyncLifetime
{
    private const string OtherClientId = "6a1f0c2e-9d8b-4e7a-b5c4-3d2e1f0a9b8c";
    private const string OtherRedirectUri = "https://other.localhost:7002/signin-oidc";
    private const string UnusedClientId = "0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d";
    private const string WebAppLogoutUrl = "https://localhost:5001/signout-oidc";
    private const string OtherLogoutUrl = "https://other.localhost:7002/front-channel?tenant=x";

    private EntraEmulatorHost _host = null!;

    public async Task InitializeAsync()
    {
        var options = EntraEmulatorOptions.CreateDefault();
        options.Applications.Single(a => a.ClientId == DevelopmentDefaults.ClientId).FrontChannelLogoutUrl = WebAppLogoutUrl;
        options.Applications.Add(new AppRegistration
        {
            ClientId = OtherClientId, DisplayName = "Other app", ClientSecrets = ["other-secret"], WebRedirectUris = [OtherRedirectUri],
            DefaultConsentedScopes = ["User.Read"], FrontChannelLogoutUrl = OtherLogoutUrl,
        });
        options.Applications.Add(new AppRegistration
        {
            ClientId = UnusedClientId, DisplayName = "Unused app", ClientSecrets = ["unused"], WebRedirectUris = ["https://unused.localhost/signin-oidc"],
            FrontChannelLogoutUrl = "https://unused.localhost/front-channel",
        });
        _host = await EntraEmulatorHost.StartAsync(options, new EntraEmulatorHostSettings { EnvironmentName = "Development" });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Logout_frames_every_app_the_session_signed_in_to_with_the_id_tokens_sid_only_then_continues_to_the_post_logout_uri()
    {
        using var browser = new Browser(_host);
        var sid = await SignInToBothAppsAsync(browser);

        using var response = await browser.Client.GetAsync(Logout($"post_logout_redirect_uri={Uri.EscapeDataString(DevelopmentDefaults.PostLogoutRedirectUri)}&state=s1"));
        var html = await response.Content.ReadAsStringAsync();
        var frames = FrameSources(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([$"{WebAppLogoutUrl}?sid={sid}", $"{OtherLogoutUrl}&sid={sid}"], frames.Order(StringComparer.Ordinal));
        Assert.All(frames, f => Assert.DoesNotContain("iss=", f, StringComparison.Ordinal));
        Assert.Contains($"data-continue=\"{DevelopmentDefaults.PostLogoutRedirectUri}?state=s1\"", html, StringComparison.Ordinal);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ESTSAUTH=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_logout_pages_csp_allows_exactly_the_framed_origins_and_a_nonced_script()
    {
        using var browser = new Browser(_host);
        await SignInToBothAppsAsync(browser);

        using var response = await browser.Client.GetAsync(Logout(""));
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("frame-src https://localhost:5001 https://other.localhost:7002;", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unused.localhost", csp + html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-continue", html, StringComparison.Ordinal);
        Assert.Contains("<iframe hidden title=\"Signing out of Other app\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_hint_frames_only_the_hinted_accounts_apps()
    {
        var other = TestUsers.AddUser(_host);
        using var browser = new Browser(_host);
        await browser.SignInAsync(new AuthorizeRequest(), TestUsers.Adele);
        await browser.SignInAsync(new AuthorizeRequest { ClientId = OtherClientId, RedirectUri = OtherRedirectUri, Prompt = "select_account" }, other.ObjectId);

        using var response = await browser.Client.GetAsync(Logout($"logout_hint={Uri.EscapeDataString(LoginHintOf(other))}"));

        Assert.Equal([OtherLogoutUrl], FrameSources(await response.Content.ReadAsStringAsync()).Select(f => f[..f.IndexOf("&sid=", StringComparison.Ordinal)]));
    }

    [Fact]
    public async Task Without_front_channel_urls_to_call_logout_still_redirects_directly()
    {
        using var browser = new Browser(_host);

        using var response = await browser.Client.GetAsync(Logout($"post_logout_redirect_uri={Uri.EscapeDataString(DevelopmentDefaults.PostLogoutRedirectUri)}"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("http://example.com/front-channel")]
    [InlineData("https://example.com/front-channel#x")]
    public async Task A_front_channel_logout_url_that_is_not_an_absolute_https_url_is_refused_at_start(string url)
    {
        var options = EntraEmulatorOptions.CreateDefault();
        options.Applications[0].FrontChannelLogoutUrl = url;

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => EntraEmulatorHost.StartAsync(options, new EntraEmulatorHostSettings { EnvironmentName = "Development" }));

        Assert.Contains("FrontChannelLogoutUrl", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>Signs in to the web app (returning its ID token's sid), then to the other app by single sign-on in the same browser.</summary>
    private async Task<string> SignInToBothAppsAsync(Browser browser)
    {
        var request = new AuthorizeRequest();
        var code = (await browser.SignInAsync(request, TestUsers.Adele))["code"];
        using var client = new HttpClient(_host.CreateHttpHandler());
        var tokens = await TokenResponse.SendAsync(client, Flows.WebRedemption(_host, code, request.Pkce!.Verifier, returnSpaCode: false));
        await browser.SignInAsync(new AuthorizeRequest { ClientId = OtherClientId, RedirectUri = OtherRedirectUri }, TestUsers.Adele);
        return Jwt.Claim(tokens["id_token"], "sid");
    }

    private Uri Logout(string query) => new($"{_host.Authority}oauth2/v2.0/logout?{query}");

    private static string LoginHintOf(TestUser user) => Tokens.OpaqueValues.LoginHint(DevelopmentDefaults.TenantId, user.ObjectId);

    private static List<string> FrameSources(string html) => [.. FramePattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    [GeneratedRegex("<iframe hidden title=\"[^\"]*\" src=\"([^\"]*)\"></iframe>")]
    private static partial Regex FramePattern();
}
