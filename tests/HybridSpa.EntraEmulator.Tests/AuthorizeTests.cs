using System.Net;
using HybridSpa.EntraEmulator.Tests.Support;

namespace HybridSpa.EntraEmulator.Tests;

/// <summary>/authorize: pages, sessions, prompt, login_hint, response modes and its error rules (entra-protocol.md §5).</summary>
public sealed class AuthorizeTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private EntraEmulatorHost Host => fixture.Host;

    [Fact]
    public async Task Unregistered_redirect_uri_shows_the_AADSTS50011_error_page_and_never_redirects()
    {
        using var browser = new Browser(Host);

        using var response = await browser.AuthorizeAsync(new AuthorizeRequest { RedirectUri = "https://evil.example/callback" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("AADSTS50011", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
        Assert.Contains("text/html", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_client_shows_the_AADSTS700016_error_page()
    {
        using var browser = new Browser(Host);

        using var response = await browser.AuthorizeAsync(new AuthorizeRequest { ClientId = Guid.NewGuid().ToString() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("AADSTS700016", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_page_lists_the_users_html_encoded_under_a_nonce_csp()
    {
        var user = TestUsers.AddUser(Host, u => u.DisplayName = "<script>alert('x')</script> & Co");
        using var browser = new Browser(Host);

        using var response = await browser.AuthorizeAsync(new AuthorizeRequest());
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(TestUsers.AdeleUpn, html, StringComparison.Ordinal);
        Assert.Contains(user.UserPrincipalName, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'nonce-", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_post_response_carries_code_client_info_state_and_session_state()
    {
        using var browser = new Browser(Host);
        var request = new AuthorizeRequest();

        var response = await browser.SignInAsync(request, TestUsers.Adele);

        Assert.Equal("form_post", response.Mode);
        Assert.Equal(DevelopmentDefaults.WebRedirectUri, response.Target);
        Assert.Equal(["code", "client_info", "state", "session_state"], response.Parameters.Keys);
        Assert.Equal(request.State, response["state"]);
        Assert.True(Guid.TryParse(response["session_state"], out _));
        Assert.DoesNotContain("=", response["client_info"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fragment_response_is_a_flat_fragment_with_the_state_encoded()
    {
        using var browser = new Browser(Host);
        var state = "eyJpZCI6IjEyMyJ9==";
        var request = AuthorizeRequest.Spa() with { State = state };

        var response = await browser.SignInAsync(request, TestUsers.Adele);

        Assert.Equal("fragment", response.Mode);
        Assert.Equal(DevelopmentDefaults.SpaRedirectUri, response.Target);
        Assert.Equal(state, response["state"]);
        Assert.False(response.Parameters.ContainsKey("cloud_instance_host_name"));
        Assert.False(response.Parameters.ContainsKey("accountId"));
    }

    [Fact]
    public async Task Query_response_mode_redirects_with_query_parameters_and_without_client_info_when_not_asked()
    {
        using var browser = new Browser(Host);

        var response = await browser.SignInAsync(new AuthorizeRequest { ResponseMode = "query", ClientInfo = false }, TestUsers.Adele);

        Assert.Equal("query", response.Mode);
        Assert.Null(response.Get("client_info"));
        Assert.NotNull(response.Get("code"));
    }

    [Fact]
    public async Task Session_cookie_is_secure_samesite_none_httponly()
    {
        using var browser = new Browser(Host);
        using var page = await browser.AuthorizeAsync(new AuthorizeRequest());

        using var signedIn = await browser.SubmitAsync(page, "signin", TestUsers.Adele);

        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ESTSAUTH=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=none", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Prompt_none_without_a_session_redirects_login_required_AADSTS50058()
    {
        using var browser = new Browser(Host);
        var request = AuthorizeRequest.Spa() with { Prompt = "none" };

        var response = await AuthorizeResponse.TryReadAsync(await browser.AuthorizeAsync(request));

        Assert.NotNull(response);
        Assert.Equal("login_required", response["error"]);
        Assert.StartsWith("AADSTS50058:", response["error_description"], StringComparison.Ordinal);
        Assert.EndsWith("code=50058", response["error_uri"], StringComparison.Ordinal);
        Assert.Equal(request.State, response["state"]);
    }

    [Fact]
    public async Task Prompt_none_with_a_session_issues_a_code_silently()
    {
        using var browser = new Browser(Host);
        await browser.SignInAsync(new AuthorizeRequest(), TestUsers.Adele);

        var response = await AuthorizeResponse.TryReadAsync(await browser.AuthorizeAsync(AuthorizeRequest.Spa() with { Prompt = "none" }));

        Assert.NotNull(response?.Get("code"));
    }

    [Fact]
    public async Task Prompt_none_without_the_session_cookie_fails_as_when_third_party_cookies_are_blocked()
    {
        using var browser = new Browser(Host);
        await browser.SignInAsync(new AuthorizeRequest(), TestUsers.Adele);
        using var blocked = new Browser(Host);

        var response = await AuthorizeResponse.TryReadAsync(await blocked.AuthorizeAsync(AuthorizeRequest.Spa() with { Prompt = "none" }));

        Assert.Equal("login_required", response?.Get("error"));
    }

    [Fact]
    public async Task Prompt_none_for_a_user_flagged_interaction_required_is_interaction_required()
    {
        var user = TestUsers.AddUser(Host);
        using var browser = new Browser(Host);
        await browser.SignInAsync(new AuthorizeRequest(), user.ObjectId);
        user.InteractionRequiredOnSilent = true;

        var response = await AuthorizeResponse.TryReadAsync(await browser.AuthorizeAsync(AuthorizeRequest.Spa() with { Prompt = "none" }));

        Assert.Equal("interaction_required", response?.Get("error"));
    }

    [Fact]
    public async Task Prompt_none_with_the_opaque_login_hint_claim_picks_that_account()
    {
        using var browser = new Browser(Host);
        await browser.SignInAsync(new AuthorizeRequest(), TestUsers.Adele);
        var (code, request) = await Flows.CodeAsync(Host, AuthorizeRequest.Spa());
        using var client = fixture.CreateClient();
        var tokens = await TokenResponse.SendAsync(client, SpaRequests.RedeemSpaRedirectCode(Host, code, request.Pkce!.Verifier));
        var loginHint = Jwt.Claim(tokens["id_token"], "login_hint");

        var response = await AuthorizeResponse.TryReadAsync(await browser.AuthorizeAsync(AuthorizeRequest.Spa() with { Prompt = "none", LoginHint = loginHint }));

        Assert.NotNull(response?.Get("code"));
        Assert.DoesNotContain(TestUsers.AdeleUpn, loginHint, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Prompt_none_with_a_hint_for_a_user_not_signed_in_is_login_required()
    {
        using var browser = new Browser(Host);
        await browser.SignInAsync(new AuthorizeRequest(), TestUsers.Adele);

        var response = await AuthorizeResponse.TryReadAsync(await browser.AuthorizeAsync(AuthorizeRequest.Spa() with { Prompt = "none", LoginHint = "megan.bowen@outlook.com" }));

        Assert.Equal("login_required", response?.Get("error"));
    }

    [Fact]
    public async Task Existing_session_signs_in_without_a_page_and_prompt_login_shows_the_sign_in_page()
    {
        using var browser = new Browser(Host);
        await browser.SignInAsync(new AuthorizeRequest(), TestUsers.Adele);

        var sso = await AuthorizeResponse.TryReadAsync(await browser.AuthorizeAsync(new AuthorizeRequest()));
        using var forced = await browser.AuthorizeAsync(new AuthorizeRequest { Prompt = "login" });

        Assert.NotNull(sso?.Get("code"));
        Assert.Contains("value=\"signin\"", await forced.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prompt_select_account_shows_the_account_picker_and_picking_issues_a_code()
    {
        using var browser = new Browser(Host);
        await browser.SignInAsync(new AuthorizeRequest(), TestUsers.Adele);

        using var picker = await browser.AuthorizeAsync(new AuthorizeRequest { Prompt = "select_account" });
        var html = await picker.Content.ReadAsStringAsync();
        using var picked = await browser.SubmitAsync(picker, "pick", TestUsers.Adele);

        Assert.Contains("Pick an account", html, StringComparison.Ordinal);
        Assert.NotNull((await AuthorizeResponse.TryReadAsync(picked))?.Get("code"));
    }

    [Fact]
    public async Task User_with_a_password_must_type_it()
    {
        using var browser = new Browser(Host);
        using var page = await browser.AuthorizeAsync(new AuthorizeRequest());

        using var wrong = await browser.SubmitAsync(page, "signin", TestUsers.Alex, "nope");
        var html = await wrong.Content.ReadAsStringAsync();

        Assert.Contains("Your account or password is incorrect.", html, StringComparison.Ordinal);
        Assert.Null(wrong.Headers.Location);
    }

    [Fact]
    public async Task User_flagged_requires_consent_sees_the_consent_page_and_accepting_issues_a_code()
    {
        using var browser = new Browser(Host);
        using var page = await browser.AuthorizeAsync(new AuthorizeRequest());

        using var consent = await browser.SubmitAsync(page, "signin", TestUsers.Alex, TestUsers.AlexPassword);
        var html = await consent.Content.ReadAsStringAsync();
        using var accepted = await browser.SubmitAsync(consent, "consent");

        Assert.Contains("Permissions requested", html, StringComparison.Ordinal);
        Assert.Contains("User.Read", html, StringComparison.Ordinal);
        Assert.NotNull((await AuthorizeResponse.TryReadAsync(accepted))?.Get("code"));
    }

    [Fact]
    public async Task Declining_consent_returns_access_denied_AADSTS65004_to_the_app()
    {
        var user = TestUsers.AddUser(Host, u => u.RequiresConsent = true);
        using var browser = new Browser(Host);
        var request = new AuthorizeRequest();
        using var page = await browser.AuthorizeAsync(request);
        using var consent = await browser.SubmitAsync(page, "signin", user.ObjectId);

        var response = await AuthorizeResponse.TryReadAsync(await browser.SubmitAsync(consent, "deny"));

        Assert.Equal("access_denied", response?.Get("error"));
        Assert.StartsWith("AADSTS65004:", response?.Get("error_description"), StringComparison.Ordinal);
        Assert.Equal(request.State, response?.Get("state"));
    }

    [Fact]
    public async Task Scopes_beyond_the_default_consent_need_the_consent_page_and_prompt_none_reports_consent_required()
    {
        using var browser = new Browser(Host);
        await browser.SignInAsync(new AuthorizeRequest(), TestUsers.Adele);

        using var page = await browser.AuthorizeAsync(new AuthorizeRequest { Scope = "openid profile offline_access User.Read Mail.Read" });
        var silent = await AuthorizeResponse.TryReadAsync(await browser.AuthorizeAsync(AuthorizeRequest.Spa() with { Scope = "Mail.Read openid", Prompt = "none" }));

        Assert.Contains("Mail.Read", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("consent_required", silent?.Get("error"));
    }

    [Fact]
    public async Task Prompt_consent_always_shows_the_consent_page()
    {
        using var browser = new Browser(Host);
        await browser.SignInAsync(new AuthorizeRequest(), TestUsers.Adele);

        using var page = await browser.AuthorizeAsync(new AuthorizeRequest { Prompt = "consent" });

        Assert.Contains("value=\"consent\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_scope_at_authorize_redirects_invalid_scope_AADSTS70011()
    {
        using var browser = new Browser(Host);

        var response = await AuthorizeResponse.TryReadAsync(await browser.AuthorizeAsync(new AuthorizeRequest { Scope = "openid Bogus.Scope", ResponseMode = "query" }));

        Assert.Equal("invalid_scope", response?.Get("error"));
        Assert.StartsWith("AADSTS70011:", response?.Get("error_description"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsupported_response_type_redirects_unsupported_response_type()
    {
        using var browser = new Browser(Host);

        var response = await AuthorizeResponse.TryReadAsync(await browser.AuthorizeAsync(new AuthorizeRequest { ResponseType = "token", ResponseMode = "query" }));

        Assert.Equal("unsupported_response_type", response?.Get("error"));
    }

    [Fact]
    public async Task Forged_or_foreign_flow_tokens_are_refused()
    {
        using var victim = new Browser(Host);
        using var attacker = new Browser(Host);
        using var attackerPage = await attacker.AuthorizeAsync(new AuthorizeRequest());
        var attackerToken = Browser.FlowToken(await attackerPage.Content.ReadAsStringAsync());
        await victim.AuthorizeAsync(new AuthorizeRequest());

        using var foreign = await victim.Client.PostAsync(new Uri($"{Host.Authority}login"),
            new FormUrlEncodedContent([new("flowToken", attackerToken), new("action", "signin"), new("user", TestUsers.Adele)]));
        using var forged = await victim.Client.PostAsync(new Uri($"{Host.Authority}login"),
            new FormUrlEncodedContent([new("flowToken", "forged"), new("action", "signin"), new("user", TestUsers.Adele)]));

        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("AADSTS50089", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stale_sign_in_form_is_refused_after_the_flow_token_expires()
    {
        await using var host = await EntraEmulatorHost.StartAsync(EntraEmulatorOptions.CreateDefault(), new EntraEmulatorHostSettings { EnvironmentName = "Development" });
        using var browser = new Browser(host);
        using var page = await browser.AuthorizeAsync(new AuthorizeRequest());
        host.Clock.Advance(TimeSpan.FromMinutes(16));

        using var response = await browser.SubmitAsync(page, "signin", TestUsers.Adele);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_to_authorize_is_accepted_like_get()
    {
        using var browser = new Browser(Host);
        var url = new Uri(new AuthorizeRequest().ToUrl(Host));
        var fields = AuthorizeResponse.ParseQuery(url.Query.TrimStart('?'));

        using var response = await browser.Client.PostAsync(new Uri(url.GetLeftPart(UriPartial.Path)), new FormUrlEncodedContent(fields));

        Assert.Contains("value=\"signin\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
