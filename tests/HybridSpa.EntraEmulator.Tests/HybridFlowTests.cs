using System.Net;
using HybridSpa.EntraEmulator.Tests.Support;
using Microsoft.Identity.Client;

namespace HybridSpa.EntraEmulator.Tests;

/// <summary>The hybrid SPA flow end to end: MSAL.NET redeems the Web code with return_spa_code=1, the SPA redeems the spa_code.</summary>
public sealed class HybridFlowTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private EntraEmulatorHost Host => fixture.Host;

    private async Task<(AuthenticationResult Result, AuthorizeRequest Request)> ServerLegAsync(string user = TestUsers.Adele)
    {
        using var browser = new Browser(Host);
        var request = new AuthorizeRequest();
        var response = await browser.SignInAsync(request, user);
        var result = await MsalServer.RedeemAsync(MsalServer.WithSecret(Host), response["code"], request.Pkce);
        return (result, request);
    }

    [Fact]
    public async Task MsalNet_redeems_the_web_code_and_receives_a_spa_code()
    {
        var (result, request) = await ServerLegAsync();

        Assert.False(string.IsNullOrEmpty(result.SpaAuthCode));
        Assert.Equal(TestUsers.Adele, result.Account.HomeAccountId.ObjectId);
        Assert.Equal(fixture.TenantId, result.Account.HomeAccountId.TenantId);
        Assert.Equal(TestUsers.AdeleUpn, result.Account.Username);
        Assert.Contains("User.Read", result.Scopes);
        Assert.Equal(request.Nonce, Jwt.Claim(result.IdToken, "nonce"));
    }

    [Fact]
    public async Task Spa_code_redeemed_like_msal_browser_returns_spa_tokens_with_cors()
    {
        var (result, _) = await ServerLegAsync();
        using var client = fixture.CreateClient();

        var spa = await TokenResponse.SendAsync(client, SpaRequests.RedeemSpaCode(Host, result.SpaAuthCode));

        Assert.Equal(HttpStatusCode.OK, spa.Status);
        Assert.Equal(SpaRequests.Origin, spa.AllowOrigin);
        Assert.Equal("Bearer", spa["token_type"]);
        Assert.Equal("User.Read profile openid email", spa["scope"]);
        Assert.InRange(spa.Json.GetProperty("expires_in").GetInt64(), 3600, 5400);
        Assert.Equal(spa.Json.GetProperty("expires_in").GetInt64(), spa.Json.GetProperty("ext_expires_in").GetInt64());
        Assert.False(string.IsNullOrEmpty(spa["refresh_token"]));
        Assert.InRange(spa.Json.GetProperty("refresh_token_expires_in").GetInt64(), 86000, 86400);
        Assert.False(spa.Has("spa_code"));
        Assert.Equal(TestUsers.Adele, Jwt.Claim(spa["id_token"], "oid"));
        Assert.False(Jwt.Read(spa["id_token"]).TryGetClaim("nonce", out _));
        Assert.Equal(result.Account.HomeAccountId.ObjectId + "." + result.Account.HomeAccountId.TenantId, ClientInfoOf(spa["client_info"]!));
        Assert.Equal("no-store, no-cache", string.Join(", ", spa.Message.Headers.GetValues("Cache-Control")));
    }

    [Fact]
    public async Task Reused_spa_code_is_rejected_with_AADSTS54005()
    {
        var (result, _) = await ServerLegAsync();
        using var client = fixture.CreateClient();
        await TokenResponse.SendAsync(client, SpaRequests.RedeemSpaCode(Host, result.SpaAuthCode));

        var second = await TokenResponse.SendAsync(client, SpaRequests.RedeemSpaCode(Host, result.SpaAuthCode));

        second.AssertError(HttpStatusCode.BadRequest, "invalid_grant", 54005);
        Assert.False(second.Has("suberror"));
        Assert.Equal(SpaRequests.Origin, second.AllowOrigin);
    }

    [Fact]
    public async Task Concurrent_redemptions_of_one_spa_code_yield_exactly_one_success()
    {
        var (result, _) = await ServerLegAsync();
        using var client = fixture.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => TokenResponse.SendAsync(client, SpaRequests.RedeemSpaCode(Host, result.SpaAuthCode))));

        Assert.Single(responses, r => r.Status == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.OK), r => Assert.Equal(54005, r.ErrorCode));
    }

    [Fact]
    public async Task Reused_web_code_is_rejected_by_msal_net_as_ui_required()
    {
        using var browser = new Browser(Host);
        var request = new AuthorizeRequest();
        var code = (await browser.SignInAsync(request, TestUsers.Adele))["code"];
        var app = MsalServer.WithSecret(Host);
        await MsalServer.RedeemAsync(app, code, request.Pkce);

        var error = await Assert.ThrowsAsync<MsalUiRequiredException>(() => MsalServer.RedeemAsync(app, code, request.Pkce));

        Assert.Contains("AADSTS54005", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_client_secret_is_rejected_with_AADSTS7000215_and_401()
    {
        using var browser = new Browser(Host);
        var request = new AuthorizeRequest();
        var code = (await browser.SignInAsync(request, TestUsers.Adele))["code"];

        var error = await Assert.ThrowsAsync<MsalServiceException>(() => MsalServer.RedeemAsync(MsalServer.WithSecret(Host, "wrong"), code, request.Pkce));

        Assert.Equal("invalid_client", error.ErrorCode);
        Assert.Equal(401, error.StatusCode);
        Assert.Contains("AADSTS7000215", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Personal_account_cannot_get_a_spa_code_AADSTS9000512()
    {
        using var browser = new Browser(Host);
        var request = new AuthorizeRequest { Tenant = "common" };
        var code = (await browser.SignInAsync(request, TestUsers.Megan))["code"];
        var app = MsalServer.WithSecret(Host, authority: $"{Host.BaseAddress}common/");

        var error = await Assert.ThrowsAsync<MsalServiceException>(() => MsalServer.RedeemAsync(app, code, request.Pkce));

        Assert.Contains("AADSTS9000512", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Personal_account_code_redeemed_without_spa_code_works_and_carries_the_consumer_tenant()
    {
        using var browser = new Browser(Host);
        var request = new AuthorizeRequest { Tenant = "common" };
        var code = (await browser.SignInAsync(request, TestUsers.Megan))["code"];
        using var client = fixture.CreateClient();

        var response = await TokenResponse.SendAsync(client, WebRedemption(code, request.Pkce!.Verifier, tenant: "common"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(DevelopmentDefaults.ConsumersTenantId, Jwt.Claim(response["id_token"], "tid"));
    }

    [Fact]
    public async Task Personal_account_signing_in_at_the_tenant_gets_tokens_issued_by_that_tenant_and_keeps_its_home_account()
    {
        using var browser = new Browser(Host);
        var request = new AuthorizeRequest();
        var code = (await browser.SignInAsync(request, TestUsers.Megan))["code"];
        using var client = fixture.CreateClient();

        var response = await TokenResponse.SendAsync(client, WebRedemption(code, request.Pkce!.Verifier, returnSpaCode: false));

        // A guest in the tenant: the tenant issues the tokens, client_info still names the consumer home account.
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal($"{Host.BaseAddress}{DevelopmentDefaults.TenantId}/v2.0", Jwt.Claim(response["id_token"], "iss"));
        Assert.Equal(DevelopmentDefaults.TenantId, Jwt.Claim(response["id_token"], "tid"));
        Assert.Equal(DevelopmentDefaults.TenantId, Jwt.Claim(response["access_token"], "tid"));
        Assert.Equal($"{TestUsers.Megan}.{DevelopmentDefaults.ConsumersTenantId}", ClientInfoOf(response["client_info"]!));
    }

    [Fact]
    public async Task Code_issued_for_the_consumer_tenant_is_rejected_at_the_organisation_tenant_with_AADSTS700005()
    {
        using var browser = new Browser(Host);
        var request = new AuthorizeRequest { Tenant = "common" };
        var code = (await browser.SignInAsync(request, TestUsers.Megan))["code"];
        using var client = fixture.CreateClient();

        var response = await TokenResponse.SendAsync(client, WebRedemption(code, request.Pkce!.Verifier));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_grant", 700005);
    }

    [Fact]
    public async Task Spa_code_asking_for_more_than_was_consented_is_AADSTS65001_consent_required()
    {
        var (result, _) = await ServerLegAsync();
        using var client = fixture.CreateClient();

        var response = await TokenResponse.SendAsync(client, SpaRequests.RedeemSpaCode(Host, result.SpaAuthCode, "User.Read Mail.Read openid profile offline_access"));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_grant", 65001);
        Assert.Equal("consent_required", response["suberror"]);
    }

    [Fact]
    public async Task Spa_code_without_origin_is_AADSTS9002327()
    {
        var (result, _) = await ServerLegAsync();
        using var client = fixture.CreateClient();

        var response = await TokenResponse.SendAsync(client, SpaRequests.RedeemSpaCode(Host, result.SpaAuthCode, origin: null));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_request", 9002327);
    }

    [Fact]
    public async Task Spa_code_presented_with_a_secret_is_AADSTS700025()
    {
        var (result, _) = await ServerLegAsync();
        using var client = fixture.CreateClient();
        var request = SpaRequests.Create(Host, SpaRequests.Origin,
        [
            new("client_id", DevelopmentDefaults.ClientId), new("client_secret", DevelopmentDefaults.ClientSecret),
            new("code", result.SpaAuthCode), new("grant_type", "authorization_code"),
        ]);

        var response = await TokenResponse.SendAsync(client, request);

        response.AssertError(HttpStatusCode.Unauthorized, "invalid_client", 700025);
    }

    [Fact]
    public async Task Return_spa_code_on_a_spa_code_redemption_is_AADSTS9000512()
    {
        var (result, _) = await ServerLegAsync();
        using var client = fixture.CreateClient();
        var request = SpaRequests.Create(Host, SpaRequests.Origin,
            [new("client_id", DevelopmentDefaults.ClientId), new("code", result.SpaAuthCode), new("grant_type", "authorization_code"), new("return_spa_code", "1")]);

        var response = await TokenResponse.SendAsync(client, request);

        response.AssertError(HttpStatusCode.BadRequest, "invalid_request", 9000512);
    }

    [Fact]
    public async Task Web_code_redeemed_with_an_origin_header_is_AADSTS9002326_naming_the_origin()
    {
        using var browser = new Browser(Host);
        var request = new AuthorizeRequest();
        var code = (await browser.SignInAsync(request, TestUsers.Adele))["code"];
        using var client = fixture.CreateClient();

        var response = await TokenResponse.SendAsync(client, WebRedemption(code, request.Pkce!.Verifier, origin: SpaRequests.Origin));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_request", 9002326);
        Assert.Contains("Request origin: 'https://localhost:5001'", response["error_description"], StringComparison.Ordinal);
        Assert.Equal(SpaRequests.Origin, response.AllowOrigin);
    }

    [Fact]
    public async Task Spa_code_expires_with_the_authorization_code_lifetime_AADSTS70008()
    {
        await using var host = await EntraEmulatorHost.StartAsync(EntraEmulatorOptions.CreateDefault(), new EntraEmulatorHostSettings { EnvironmentName = "Development" });
        using var browser = new Browser(host);
        var request = new AuthorizeRequest();
        var code = (await browser.SignInAsync(request, TestUsers.Adele))["code"];
        var result = await MsalServer.RedeemAsync(MsalServer.WithSecret(host), code, request.Pkce);
        host.Clock.Advance(TimeSpan.FromMinutes(11));
        using var client = new HttpClient(host.CreateHttpHandler());

        var response = await TokenResponse.SendAsync(client, SpaRequests.RedeemSpaCode(host, result.SpaAuthCode));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_grant", 70008);
    }

    [Fact]
    public async Task Spa_code_of_a_signed_out_session_is_refused()
    {
        using var browser = new Browser(Host);
        var request = new AuthorizeRequest();
        var code = (await browser.SignInAsync(request, TestUsers.Adele))["code"];
        var result = await MsalServer.RedeemAsync(MsalServer.WithSecret(Host), code, request.Pkce);
        await browser.Client.GetAsync(new Uri($"{Host.Authority}oauth2/v2.0/logout"));
        using var client = fixture.CreateClient();

        var response = await TokenResponse.SendAsync(client, SpaRequests.RedeemSpaCode(Host, result.SpaAuthCode));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_grant", 70000);
    }

    internal HttpRequestMessage WebRedemption(string code, string? verifier, string? origin = null, string? tenant = null, bool returnSpaCode = true)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("client_id", DevelopmentDefaults.ClientId), new("client_secret", DevelopmentDefaults.ClientSecret),
            new("scope", "offline_access openid profile User.Read"), new("client_info", "1"), new("grant_type", "authorization_code"),
            new("code", code), new("redirect_uri", DevelopmentDefaults.WebRedirectUri),
        };
        if (verifier is not null)
        {
            fields.Add(new("code_verifier", verifier));
        }

        if (returnSpaCode && tenant is null)
        {
            fields.Add(new("return_spa_code", "1"));
        }

        var message = SpaRequests.Create(Host, origin, [.. fields]);
        if (tenant is not null)
        {
            message.RequestUri = new Uri(message.RequestUri!.ToString().Replace(Host.Options.TenantId, tenant, StringComparison.Ordinal));
        }

        return message;
    }

    private static string ClientInfoOf(string encoded)
    {
        using var json = System.Text.Json.JsonDocument.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(encoded));
        return json.RootElement.GetProperty("uid").GetString() + "." + json.RootElement.GetProperty("utid").GetString();
    }
}
