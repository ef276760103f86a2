using System.Net;
using HybridSpa.EntraEmulator.Tests.Support;

namespace HybridSpa.EntraEmulator.Tests;

/// <summary>The end-session endpoint (§8).</summary>
public sealed class LogoutTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private EntraEmulatorHost Host => fixture.Host;

    private Uri Logout(string query) => new($"{Host.Authority}oauth2/v2.0/logout?{query}");

    [Fact]
    public async Task Logout_to_a_registered_uri_continues_there_with_state_after_the_front_channel_and_ends_the_session()
    {
        using var browser = new Browser(Host);
        await browser.SignInAsync(new AuthorizeRequest(), TestUsers.Adele);

        using var response = await browser.Client.GetAsync(Logout(
            $"post_logout_redirect_uri={Uri.EscapeDataString(DevelopmentDefaults.PostLogoutRedirectUri)}&state=abc%3D&client-request-id={Guid.NewGuid()}&logout_hint=x"));
        var html = await response.Content.ReadAsStringAsync();
        var silent = await AuthorizeResponse.TryReadAsync(await browser.AuthorizeAsync(AuthorizeRequest.Spa() with { Prompt = "none" }));

        // The default app has a front-channel logout URL: the page frames it, then continues to the post-logout URI.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"src=\"{DevelopmentDefaults.FrontChannelLogoutUrl}?sid=", html, StringComparison.Ordinal);
        Assert.Contains($"data-continue=\"{DevelopmentDefaults.PostLogoutRedirectUri}?state=abc%3D\"", html, StringComparison.Ordinal);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ESTSAUTH=;", StringComparison.Ordinal));
        Assert.Equal("login_required", silent?.Get("error"));
    }

    [Fact]
    public async Task Logout_hint_signs_out_that_account_and_leaves_the_browsers_other_account_signed_in()
    {
        var other = TestUsers.AddUser(Host);
        using var browser = new Browser(Host);
        await browser.SignInAsync(new AuthorizeRequest(), TestUsers.Adele);
        await browser.SignInAsync(new AuthorizeRequest { Prompt = "select_account" }, other.ObjectId);

        using var response = await browser.Client.GetAsync(Logout($"logout_hint={Uri.EscapeDataString(LoginHintOf(TestUsers.Adele))}"));
        var adele = await AuthorizeResponse.TryReadAsync(await browser.AuthorizeAsync(new AuthorizeRequest { Prompt = "none", LoginHint = TestUsers.AdeleUpn }));
        var stillSignedIn = await AuthorizeResponse.TryReadAsync(await browser.AuthorizeAsync(new AuthorizeRequest { Prompt = "none", LoginHint = other.UserPrincipalName }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("ESTSAUTH=;", StringComparison.Ordinal));
        Assert.Equal("login_required", adele?.Get("error"));
        Assert.False(string.IsNullOrEmpty(stillSignedIn?.Get("code")));
    }

    [Fact]
    public async Task Logout_hint_for_the_last_account_ends_the_session()
    {
        using var browser = new Browser(Host);
        await browser.SignInAsync(new AuthorizeRequest(), TestUsers.Adele);

        using var response = await browser.Client.GetAsync(Logout($"logout_hint={Uri.EscapeDataString(LoginHintOf(TestUsers.Adele))}"));
        var silent = await AuthorizeResponse.TryReadAsync(await browser.AuthorizeAsync(AuthorizeRequest.Spa() with { Prompt = "none" }));

        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ESTSAUTH=;", StringComparison.Ordinal));
        Assert.Equal("login_required", silent?.Get("error"));
    }

    [Fact]
    public async Task Logout_ends_the_session_server_side_even_if_the_old_cookie_is_replayed()
    {
        using var browser = new Browser(Host);
        await browser.SignInAsync(new AuthorizeRequest(), TestUsers.Adele);
        var cookie = browser.Cookies.GetCookies(Host.BaseAddress)["ESTSAUTH"]!.Value;
        await browser.Client.GetAsync(Logout(""));
        using var replay = new Browser(Host);
        replay.Cookies.Add(Host.BaseAddress, new Cookie("ESTSAUTH", cookie));

        var silent = await AuthorizeResponse.TryReadAsync(await replay.AuthorizeAsync(AuthorizeRequest.Spa() with { Prompt = "none" }));

        Assert.Equal("login_required", silent?.Get("error"));
    }

    [Fact]
    public async Task Unregistered_post_logout_uri_shows_the_signed_out_page_instead_of_redirecting()
    {
        using var browser = new Browser(Host);

        using var response = await browser.Client.GetAsync(Logout("post_logout_redirect_uri=https%3A%2F%2Fevil.example%2F"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You signed out of your account", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_with_an_id_token_hint_checks_the_uri_against_that_app()
    {
        using var client = fixture.CreateClient();
        var idToken = (await Flows.SpaTokensAsync(Host, client))["id_token"];
        using var browser = new Browser(Host);

        using var ok = await browser.Client.GetAsync(Logout($"id_token_hint={idToken}&post_logout_redirect_uri={Uri.EscapeDataString(DevelopmentDefaults.PostLogoutRedirectUri)}"));
        using var other = await browser.Client.GetAsync(Logout($"id_token_hint={idToken}&post_logout_redirect_uri={Uri.EscapeDataString(EmulatorFixture.CertificateAppRedirectUri)}"));

        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Logout_accepts_post()
    {
        using var browser = new Browser(Host);

        using var response = await browser.Client.PostAsync(Logout(""),
            new FormUrlEncodedContent([new("post_logout_redirect_uri", DevelopmentDefaults.PostLogoutRedirectUri)]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>The <c>login_hint</c> claim the emulator issues for a work account of its tenant (what msal sends as logout_hint).</summary>
    private static string LoginHintOf(string userObjectId) => Tokens.OpaqueValues.LoginHint(DevelopmentDefaults.TenantId, userObjectId);
}
