using System.Net;
using System.Net.Http.Headers;
using System.Text;
using HybridSpa.EntraEmulator.Tests.Support;

namespace HybridSpa.EntraEmulator.Tests;

/// <summary>The /token rules of entra-protocol.md §6 and §6.5 that are not specific to the hybrid spa_code.</summary>
public sealed class TokenEndpointRulesTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly HttpClient _client = fixture.CreateClient();

    private EntraEmulatorHost Host => fixture.Host;

    public void Dispose() => _client.Dispose();

    private Task<TokenResponse> SendAsync(HttpRequestMessage request) => TokenResponse.SendAsync(_client, request);

    private Task<TokenResponse> PostAsync(string? origin, params (string Name, string Value)[] fields) =>
        SendAsync(SpaRequests.Create(Host, origin, [.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]));

    [Fact]
    public async Task Missing_grant_type_is_AADSTS900144()
    {
        var response = await PostAsync(null, ("client_id", DevelopmentDefaults.ClientId));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_request", 900144);
        Assert.Contains("'grant_type'", response["error_description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_code_is_AADSTS900144_naming_code()
    {
        var response = await PostAsync(null, ("client_id", DevelopmentDefaults.ClientId), ("client_secret", DevelopmentDefaults.ClientSecret), ("grant_type", "authorization_code"));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_request", 900144);
        Assert.Contains("'code'", response["error_description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_envelope_has_every_field_and_echoes_the_client_request_id()
    {
        var correlation = Guid.NewGuid().ToString();
        var response = await SendAsync(SpaRequests.Create(Host, null, [new("grant_type", "authorization_code")], correlation));

        Assert.Equal(correlation, response["correlation_id"]);
        Assert.Equal(System.Text.Json.JsonValueKind.Number, response.Json.GetProperty("error_codes")[0].ValueKind);
        Assert.Matches(@"^AADSTS900144: .+ Trace ID: [0-9a-f-]{36} Correlation ID: " + correlation + @" Timestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$", response["error_description"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$", response["timestamp"]);
        Assert.Matches("^[0-9a-f-]{36}$", response["trace_id"]);
        Assert.Equal("https://login.microsoftonline.com/error?code=900144", response["error_uri"]);
        Assert.Equal("no-store, no-cache", string.Join(", ", response.Message.Headers.GetValues("Cache-Control")));
        Assert.Equal("no-cache", string.Join(", ", response.Message.Headers.GetValues("Pragma")));
        Assert.False(response.Message.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task Correlation_id_is_echoed_from_the_header_as_msal_net_sends_it()
    {
        var correlation = Guid.NewGuid().ToString();
        var request = new HttpRequestMessage(HttpMethod.Post, fixture.TokenEndpoint) { Content = new FormUrlEncodedContent([new("client_id", DevelopmentDefaults.ClientId)]) };
        request.Headers.Add("client-request-id", correlation);

        var response = await SendAsync(request);

        Assert.Equal(correlation, response["correlation_id"]);
    }

    [Fact]
    public async Task Unknown_scope_is_AADSTS70011_invalid_scope()
    {
        var response = await PostAsync(null, ("client_id", DevelopmentDefaults.ClientId), ("grant_type", "authorization_code"), ("code", "x"), ("scope", "openid Nonsense.Scope"));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_scope", 70011);
        Assert.Contains("The scope Nonsense.Scope is not valid.", response["error_description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsupported_grant_type_is_AADSTS70003()
    {
        var response = await PostAsync(null, ("client_id", DevelopmentDefaults.ClientId), ("grant_type", "password"));

        response.AssertError(HttpStatusCode.BadRequest, "unsupported_grant_type", 70003);
    }

    [Fact]
    public async Task Unknown_client_is_AADSTS700016()
    {
        var response = await PostAsync(null, ("client_id", Guid.NewGuid().ToString()), ("grant_type", "authorization_code"), ("code", "x"));

        response.AssertError(HttpStatusCode.BadRequest, "unauthorized_client", 700016);
    }

    [Fact]
    public async Task Unknown_tenant_is_AADSTS90002()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Host.BaseAddress, $"{Guid.NewGuid()}/oauth2/v2.0/token"))
        {
            Content = new FormUrlEncodedContent([new("client_id", DevelopmentDefaults.ClientId)]),
        };

        var response = await SendAsync(request);

        response.AssertError(HttpStatusCode.BadRequest, "invalid_tenant", 90002);
    }

    [Fact]
    public async Task Get_on_the_token_endpoint_is_405_with_Allow_and_AADSTS900561()
    {
        var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, fixture.TokenEndpoint));

        response.AssertError(HttpStatusCode.MethodNotAllowed, "invalid_request", 900561);
        Assert.Equal(["POST", "OPTIONS"], response.Message.Content.Headers.Allow);
    }

    [Fact]
    public async Task Unknown_code_is_invalid_grant()
    {
        var response = await PostAsync(null, ("client_id", DevelopmentDefaults.ClientId), ("client_secret", DevelopmentDefaults.ClientSecret), ("grant_type", "authorization_code"), ("code", "garbage"));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_grant", 70000);
    }

    [Fact]
    public async Task Web_code_without_any_credential_is_AADSTS7000218()
    {
        var (code, request) = await Flows.CodeAsync(Host);

        var response = await SendAsync(Flows.WebRedemption(Host, code, request.Pkce!.Verifier, secret: null));

        response.AssertError(HttpStatusCode.Unauthorized, "invalid_client", 7000218);
    }

    [Fact]
    public async Task Client_secret_is_accepted_through_http_basic()
    {
        var (code, request) = await Flows.CodeAsync(Host);
        var message = Flows.WebRedemption(Host, code, request.Pkce!.Verifier, secret: null);
        message.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{DevelopmentDefaults.ClientId}:{Uri.EscapeDataString(DevelopmentDefaults.ClientSecret)}")));

        var response = await SendAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.False(string.IsNullOrEmpty(response["spa_code"]));
    }

    [Fact]
    public async Task Client_id_only_in_the_basic_header_is_taken_from_its_user_name_as_rfc6749_says()
    {
        var (code, request) = await Flows.CodeAsync(Host);
        var message = Flows.WebRedemption(Host, code, request.Pkce!.Verifier, secret: null);
        var body = (await message.Content!.ReadAsStringAsync()).Replace($"client_id={DevelopmentDefaults.ClientId}&", "", StringComparison.Ordinal);
        message.Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
        message.Headers.Authorization = Basic(DevelopmentDefaults.ClientId, DevelopmentDefaults.ClientSecret);

        var response = await SendAsync(message);

        Assert.DoesNotContain("client_id", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(DevelopmentDefaults.ClientId, Jwt.Claim(response["id_token"], "aud"));
    }

    [Fact]
    public async Task Basic_credentials_are_form_decoded_so_a_secret_with_spaces_and_symbols_is_accepted()
    {
        const string secret = "a secret+with/symbols:and=more";
        Host.Options.Applications[0].ClientSecrets.Add(secret);
        var (code, request) = await Flows.CodeAsync(Host);
        var message = Flows.WebRedemption(Host, code, request.Pkce!.Verifier, secret: null);
        message.Headers.Authorization = Basic(DevelopmentDefaults.ClientId, secret);

        var response = await SendAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task Body_client_id_that_differs_from_the_basic_user_name_is_refused()
    {
        var (code, request) = await Flows.CodeAsync(Host);
        var message = Flows.WebRedemption(Host, code, request.Pkce!.Verifier, secret: null);
        message.Headers.Authorization = Basic(EmulatorFixture.CertificateClientId, DevelopmentDefaults.ClientSecret);

        var response = await SendAsync(message);

        response.AssertError(HttpStatusCode.BadRequest, "invalid_request", 9002313);
        Assert.Contains("does not match the user name of the HTTP Basic", response["error_description"], StringComparison.Ordinal);
    }

    private static AuthenticationHeaderValue Basic(string clientId, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret).Replace("%20", "+", StringComparison.Ordinal)}")));

    [Fact]
    public async Task Web_code_redeemed_without_redirect_uri_is_AADSTS700009()
    {
        var (code, request) = await Flows.CodeAsync(Host);

        var response = await SendAsync(Flows.WebRedemption(Host, code, request.Pkce!.Verifier, redirectUri: null));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_grant", 700009);
    }

    [Fact]
    public async Task Web_code_redeemed_with_another_redirect_uri_is_rejected_with_AADSTS50011()
    {
        var (code, request) = await Flows.CodeAsync(Host);

        var response = await SendAsync(Flows.WebRedemption(Host, code, request.Pkce!.Verifier, redirectUri: "https://localhost:5001/elsewhere"));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_grant", 50011);
    }

    [Fact]
    public async Task Web_code_with_a_wrong_pkce_verifier_is_AADSTS501481()
    {
        var (code, _) = await Flows.CodeAsync(Host);

        var response = await SendAsync(Flows.WebRedemption(Host, code, Pkce.Create().Verifier));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_grant", 501481);
    }

    [Fact]
    public async Task Web_code_with_a_plain_pkce_challenge_is_verified_as_plain()
    {
        var pkce = Pkce.Create();
        var (code, _) = await Flows.CodeAsync(Host, new AuthorizeRequest { Pkce = pkce with { Challenge = pkce.Verifier }, CodeChallengeMethod = "plain" });

        var response = await SendAsync(Flows.WebRedemption(Host, code, pkce.Verifier));

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task Web_code_issued_without_a_challenge_is_refused_when_redeemed_with_a_verifier_as_a_pkce_downgrade()
    {
        var (code, _) = await Flows.CodeAsync(Host, new AuthorizeRequest { Pkce = null });

        var response = await SendAsync(Flows.WebRedemption(Host, code, Pkce.Create().Verifier));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_grant", 501481);
    }

    [Fact]
    public async Task Web_code_without_pkce_at_authorize_needs_no_verifier_and_returns_exact_fields()
    {
        var (code, _) = await Flows.CodeAsync(Host, new AuthorizeRequest { Pkce = null });

        var response = await SendAsync(Flows.WebRedemption(Host, code, verifier: null));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var names = response.Json.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["token_type", "scope", "expires_in", "ext_expires_in", "access_token", "refresh_token", "id_token", "client_info", "spa_code"], names);
        Assert.DoesNotContain("offline_access", response["scope"], StringComparison.Ordinal);
        Assert.Null(response.AllowOrigin);
    }

    [Fact]
    public async Task Tokens_without_offline_access_or_openid_omit_refresh_and_id_tokens()
    {
        var (code, request) = await Flows.CodeAsync(Host, new AuthorizeRequest { Scope = "User.Read" });
        var message = SpaRequests.Create(Host, null,
        [
            new("client_id", DevelopmentDefaults.ClientId), new("client_secret", DevelopmentDefaults.ClientSecret), new("grant_type", "authorization_code"),
            new("code", code), new("redirect_uri", DevelopmentDefaults.WebRedirectUri), new("code_verifier", request.Pkce!.Verifier),
        ]);

        var response = await SendAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("User.Read", response["scope"]);
        Assert.False(response.Has("refresh_token"));
        Assert.False(response.Has("id_token"));
        Assert.False(response.Has("client_info"));
    }

    [Fact]
    public async Task Expired_web_code_is_AADSTS70008()
    {
        await using var host = await EntraEmulatorHost.StartAsync(EntraEmulatorOptions.CreateDefault(), new EntraEmulatorHostSettings { EnvironmentName = "Development" });
        var (code, request) = await Flows.CodeAsync(host);
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        using var client = new HttpClient(host.CreateHttpHandler());

        var response = await TokenResponse.SendAsync(client, Flows.WebRedemption(host, code, request.Pkce!.Verifier));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_grant", 70008);
    }

    [Fact]
    public async Task Spa_redirect_code_redeemed_with_pkce_and_origin_returns_tokens_with_the_nonce()
    {
        var (code, request) = await Flows.CodeAsync(Host, AuthorizeRequest.Spa());

        var response = await SendAsync(SpaRequests.RedeemSpaRedirectCode(Host, code, request.Pkce!.Verifier));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(request.Nonce, Jwt.Claim(response["id_token"], "nonce"));
        Assert.Equal(SpaRequests.Origin, response.AllowOrigin);
        Assert.True(response.Has("refresh_token_expires_in"));
    }

    [Fact]
    public async Task Spa_redirect_code_without_a_verifier_is_AADSTS9002325()
    {
        var (code, _) = await Flows.CodeAsync(Host, AuthorizeRequest.Spa());

        var response = await SendAsync(SpaRequests.RedeemSpaRedirectCode(Host, code, verifier: null));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_request", 9002325);
    }

    [Fact]
    public async Task Spa_redirect_code_requested_without_pkce_is_AADSTS9002325()
    {
        var (code, _) = await Flows.CodeAsync(Host, AuthorizeRequest.Spa() with { Pkce = null });

        var response = await SendAsync(SpaRequests.RedeemSpaRedirectCode(Host, code, Pkce.Create().Verifier));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_request", 9002325);
    }

    [Fact]
    public async Task Spa_redirect_code_with_a_wrong_verifier_is_AADSTS501481()
    {
        var (code, _) = await Flows.CodeAsync(Host, AuthorizeRequest.Spa());

        var response = await SendAsync(SpaRequests.RedeemSpaRedirectCode(Host, code, Pkce.Create().Verifier));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_grant", 501481);
    }

    [Fact]
    public async Task Normal_spa_code_passed_to_acquireTokenByCode_without_redirect_uri_is_AADSTS700009()
    {
        var (code, request) = await Flows.CodeAsync(Host, AuthorizeRequest.Spa());

        var response = await SendAsync(SpaRequests.RedeemSpaRedirectCode(Host, code, request.Pkce!.Verifier, redirectUri: null));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_grant", 700009);
    }

    [Fact]
    public async Task Spa_redirect_code_redeemed_server_side_without_origin_is_AADSTS9002327()
    {
        var (code, request) = await Flows.CodeAsync(Host, AuthorizeRequest.Spa());

        var response = await SendAsync(SpaRequests.RedeemSpaRedirectCode(Host, code, request.Pkce!.Verifier, origin: null));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_request", 9002327);
    }

    [Fact]
    public async Task Return_spa_code_on_a_spa_redirect_code_is_AADSTS9000512()
    {
        var (code, request) = await Flows.CodeAsync(Host, AuthorizeRequest.Spa());
        var message = SpaRequests.Create(Host, SpaRequests.Origin,
        [
            new("client_id", DevelopmentDefaults.ClientId), new("redirect_uri", DevelopmentDefaults.SpaRedirectUri), new("code", code),
            new("code_verifier", request.Pkce!.Verifier), new("grant_type", "authorization_code"), new("return_spa_code", "1"),
        ]);

        var response = await SendAsync(message);

        response.AssertError(HttpStatusCode.BadRequest, "invalid_request", 9000512);
    }

    [Fact]
    public async Task Cors_headers_are_absent_for_an_unregistered_origin_even_on_errors()
    {
        var response = await PostAsync("https://evil.example", ("client_id", DevelopmentDefaults.ClientId), ("grant_type", "authorization_code"), ("code", "x"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Null(response.AllowOrigin);
    }

    [Fact]
    public async Task Cors_headers_are_present_on_errors_for_a_registered_spa_origin()
    {
        var response = await PostAsync(SpaRequests.Origin, ("client_id", DevelopmentDefaults.ClientId), ("grant_type", "authorization_code"), ("code", "x"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(SpaRequests.Origin, response.AllowOrigin);
    }

    [Fact]
    public async Task Preflight_is_answered_for_registered_origins_only()
    {
        using var registered = new HttpRequestMessage(HttpMethod.Options, fixture.TokenEndpoint);
        registered.Headers.Add("Origin", SpaRequests.Origin);
        registered.Headers.Add("Access-Control-Request-Method", "POST");
        using var unregistered = new HttpRequestMessage(HttpMethod.Options, fixture.TokenEndpoint);
        unregistered.Headers.Add("Origin", "https://evil.example");

        using var ok = await _client.SendAsync(registered);
        using var refused = await _client.SendAsync(unregistered);

        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        Assert.Equal(SpaRequests.Origin, ok.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", ok.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Refresh_token_asking_for_an_unconsented_scope_is_AADSTS65001()
    {
        var spa = await Flows.SpaTokensAsync(Host, _client);

        var response = await SendAsync(SpaRequests.Refresh(Host, spa["refresh_token"]!, "Calendars.Read openid offline_access"));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_grant", 65001);
        Assert.Equal("consent_required", response["suberror"]);
    }

    [Fact]
    public async Task Graph_scope_prefixes_are_echoed_in_the_form_requested()
    {
        var spa = await Flows.SpaTokensAsync(Host, _client);

        var response = await SendAsync(SpaRequests.Refresh(Host, spa["refresh_token"]!, "https://graph.microsoft.com/User.Read openid offline_access"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("https://graph.microsoft.com/User.Read openid email", response["scope"]);
    }
}
