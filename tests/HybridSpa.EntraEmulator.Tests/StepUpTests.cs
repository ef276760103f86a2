using System.Net;
using System.Net.Http.Headers;
using HybridSpa.EntraEmulator.Tests.Support;
using Microsoft.Identity.Client;

namespace HybridSpa.EntraEmulator.Tests;

/// <summary>
/// /authorize and /token honouring a claims request: <c>acrs</c> shows the step-up page (a one-time code standing in for MFA), after
/// which tokens carry <c>acrs</c> and <c>amr</c> mfa; a refresh token cannot step up (AADSTS50076); <c>nbf</c> forces a fresh sign-in.
/// </summary>
public sealed class StepUpTests : IAsyncLifetime, IDisposable
{
    private const string StepUpClaims = """{"access_token":{"acrs":{"essential":true,"value":"c1"}}}""";
    private static readonly string[] MailScopes = ["User.Read", "Mail.Read"];
    private EntraEmulatorHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var options = EntraEmulatorOptions.CreateDefault();
        options.Applications.Single(a => a.ClientId == DevelopmentDefaults.ClientId).GraphAuthenticationContexts["/v1.0/me/messages"] = "c1";
        _host = await EntraEmulatorHost.StartAsync(options, new EntraEmulatorHostSettings { EnvironmentName = "Development" });
        _client = new HttpClient(_host.CreateHttpHandler());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Msal_answers_graphs_acrs_challenge_silent_fails_with_50076_and_after_the_step_up_page_graph_answers()
    {
        var msal = MsalServer.WithSecret(_host, clientCapabilities: ["cp1"]);
        var first = await GraphTokens.ForAsync(msal, _host, TestUsers.Adele, MailScopes);
        var claims = await ChallengeClaimsAsync("v1.0/me/messages", first.AccessToken);

        var silent = await Assert.ThrowsAsync<MsalUiRequiredException>(() => msal.AcquireTokenSilent(MailScopes, first.Account).WithClaims(claims).ExecuteAsync());
        using var browser = new Browser(_host);
        var request = new AuthorizeRequest { Scope = "openid profile offline_access User.Read Mail.Read", Claims = claims };
        var authorized = await browser.SignInAsync(request, TestUsers.Adele);
        var stepped = await msal.AcquireTokenByAuthorizationCode(MailScopes, authorized["code"]).WithPkceCodeVerifier(request.Pkce!.Verifier).WithClaims(claims).ExecuteAsync();

        Assert.Contains("AADSTS50076", silent.Message, StringComparison.Ordinal);
        Assert.Equal(["c1"], Jwt.Read(stepped.AccessToken).GetPayloadValue<string[]>("acrs"));
        Assert.Equal(["pwd", "mfa"], Jwt.Read(stepped.AccessToken).GetPayloadValue<string[]>("amr"));
        Assert.Equal(HttpStatusCode.OK, (await new GraphClient(_host, _client).GetAsync("v1.0/me/messages", stepped.AccessToken)).Status);
    }

    [Fact]
    public async Task The_step_up_page_shows_a_one_time_code_and_a_wrong_code_shows_it_again_with_an_alert_and_no_code_for_the_app()
    {
        using var browser = new Browser(_host);
        await browser.SignInAsync(new AuthorizeRequest(), TestUsers.Adele);

        using var page = await browser.AuthorizeAsync(new AuthorizeRequest { Claims = StepUpClaims });
        var html = await page.Content.ReadAsStringAsync();
        using var wrong = await browser.SubmitAsync(page, "stepup", TestUsers.Adele, code: Browser.OneTimeCode(html) == "000000" ? "111111" : "000000");
        var again = await wrong.Content.ReadAsStringAsync();

        Assert.Contains("<h1>Verify your identity</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<code>c1</code>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("role=\"alert\"", again, StringComparison.Ordinal);
        Assert.Null(await AuthorizeResponse.TryReadAsync(wrong));
    }

    [Fact]
    public async Task A_stepped_up_sign_in_satisfies_later_acrs_requests_without_the_page_and_its_refresh_tokens_keep_acrs()
    {
        using var browser = new Browser(_host);
        await browser.SignInAsync(new AuthorizeRequest { Claims = StepUpClaims }, TestUsers.Adele);

        var again = new AuthorizeRequest { Claims = StepUpClaims };
        using var response = await browser.AuthorizeAsync(again);
        var code = (await AuthorizeResponse.TryReadAsync(response))!["code"];
        var tokens = await TokenResponse.SendAsync(_client, Flows.WebRedemption(_host, code, again.Pkce!.Verifier, returnSpaCode: false));
        var refreshed = await TokenResponse.SendAsync(_client, Flows.WebRefresh(_host, tokens["refresh_token"]!, StepUpClaims));

        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.Equal(["c1"], Jwt.Read(refreshed["access_token"]).GetPayloadValue<string[]>("acrs"));
    }

    [Fact]
    public async Task A_refresh_token_without_the_step_up_cannot_satisfy_an_acrs_request_AADSTS50076()
    {
        var spa = await Flows.SpaTokensAsync(_host, _client);

        var response = await TokenResponse.SendAsync(_client, SpaRequests.Refresh(_host, spa["refresh_token"]!, claims: StepUpClaims));

        response.AssertError(HttpStatusCode.BadRequest, "interaction_required", 50076);
    }

    [Fact]
    public async Task Prompt_none_with_an_unsatisfied_acrs_request_is_interaction_required()
    {
        using var browser = new Browser(_host);
        await browser.SignInAsync(new AuthorizeRequest(), TestUsers.Adele);

        using var response = await browser.AuthorizeAsync(new AuthorizeRequest { Claims = StepUpClaims, Prompt = "none" });

        Assert.Equal("interaction_required", (await AuthorizeResponse.TryReadAsync(response))?.Get("error"));
    }

    [Fact]
    public async Task An_nbf_request_later_than_the_sign_in_forces_a_fresh_sign_in_and_an_earlier_one_does_not()
    {
        using var browser = new Browser(_host);
        await browser.SignInAsync(new AuthorizeRequest(), TestUsers.Adele);
        var signedInAt = _host.Clock.GetUtcNow().ToUnixTimeSeconds();
        _host.Clock.Advance(TimeSpan.FromSeconds(2));
        var later = _host.Clock.GetUtcNow().ToUnixTimeSeconds();

        using var fresh = await browser.AuthorizeAsync(new AuthorizeRequest { Claims = NbfClaims(later) });
        using var sso = await browser.AuthorizeAsync(new AuthorizeRequest { Claims = NbfClaims(signedInAt - 1) });

        Assert.Contains("value=\"signin\"", await fresh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull((await AuthorizeResponse.TryReadAsync(sso))?.Get("code"));
    }

    private static string NbfClaims(long epoch) => "{\"access_token\":{\"nbf\":{\"essential\":true,\"value\":\"" + epoch + "\"}}}";

    private async Task<string> ChallengeClaimsAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{_host.BaseAddress}{path}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return WwwAuthenticateParameters.GetClaimChallengeFromResponseHeaders(response.Headers);
    }
}
