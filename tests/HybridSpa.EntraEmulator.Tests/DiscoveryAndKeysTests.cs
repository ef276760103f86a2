using System.Net;
using System.Text.Json;
using HybridSpa.EntraEmulator.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HybridSpa.EntraEmulator.Tests;

/// <summary>OIDC discovery, JWKS, instance discovery and signing-key rollover (§3, §4, pitfalls 13–15).</summary>
public sealed class DiscoveryAndKeysTests : IAsyncLifetime, IDisposable
{
    private EntraEmulatorHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await EntraEmulatorHost.StartAsync(EntraEmulatorOptions.CreateDefault(), new EntraEmulatorHostSettings { EnvironmentName = "Development" });
        _client = new HttpClient(_host.CreateHttpHandler()) { BaseAddress = _host.BaseAddress };
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public void Dispose() => _client.Dispose();

    private async Task<(HttpResponseMessage Response, JsonElement Json)> GetJsonAsync(string path)
    {
        var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        return (response, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Theory]
    [InlineData("v2.0/.well-known/openid-configuration")]
    [InlineData(".well-known/openid-configuration")]
    public async Task Discovery_document_has_entras_field_set_and_an_issuer_on_the_emulator_origin(string path)
    {
        var (response, doc) = await GetJsonAsync($"{_host.Options.TenantId}/{path}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string[] fields =
        [
            "token_endpoint", "token_endpoint_auth_methods_supported", "jwks_uri", "response_modes_supported", "subject_types_supported",
            "id_token_signing_alg_values_supported", "response_types_supported", "scopes_supported", "issuer", "request_uri_parameter_supported",
            "userinfo_endpoint", "authorization_endpoint", "device_authorization_endpoint", "http_logout_supported", "frontchannel_logout_supported",
            "end_session_endpoint", "claims_supported", "kerberos_endpoint", "tenant_region_scope", "cloud_instance_name", "cloud_graph_host_name",
            "msgraph_host", "rbac_url",
        ];
        Assert.Equal(fields, doc.EnumerateObject().Select(p => p.Name));
        Assert.Equal($"{_host.BaseAddress}{_host.Options.TenantId}/v2.0", doc.GetProperty("issuer").GetString());
        Assert.Equal($"{_host.Authority}oauth2/v2.0/token", doc.GetProperty("token_endpoint").GetString());
        Assert.Equal($"{_host.Authority}oauth2/v2.0/logout", doc.GetProperty("end_session_endpoint").GetString());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(JsonValueKind.Null, doc.GetProperty("tenant_region_scope").ValueKind);
    }

    [Fact]
    public async Task Discovery_for_organizations_uses_the_tenantid_template_issuer()
    {
        var (_, doc) = await GetJsonAsync("organizations/v2.0/.well-known/openid-configuration");

        Assert.Equal($"{_host.BaseAddress}{{tenantid}}/v2.0", doc.GetProperty("issuer").GetString());
        Assert.Equal($"{_host.BaseAddress}organizations/oauth2/v2.0/authorize", doc.GetProperty("authorization_endpoint").GetString());
    }

    [Fact]
    public async Task Discovery_for_an_unknown_tenant_is_AADSTS90002()
    {
        var (response, doc) = await GetJsonAsync($"{Guid.NewGuid()}/v2.0/.well-known/openid-configuration");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_tenant", doc.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Discovery_preflight_is_answered_for_any_origin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri($"{_host.Options.TenantId}/v2.0/.well-known/openid-configuration", UriKind.Relative));
        request.Headers.Add("Origin", "https://anything.example");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("GET, OPTIONS", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
    }

    [Fact]
    public async Task Instance_discovery_answers_for_the_emulator_authority_and_rejects_others()
    {
        var authorize = Uri.EscapeDataString($"{_host.Authority}oauth2/v2.0/authorize");
        var (ok, doc) = await GetJsonAsync($"common/discovery/instance?api-version=1.1&authorization_endpoint={authorize}");
        var (bad, error) = await GetJsonAsync("common/discovery/instance?api-version=1.1&authorization_endpoint=https%3A%2F%2Fevil.example%2Fx%2Foauth2%2Fv2.0%2Fauthorize");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(_host.BaseAddress.Host, doc.GetProperty("metadata")[0].GetProperty("preferred_network").GetString());
        Assert.Equal(_host.BaseAddress.Host, doc.GetProperty("metadata")[0].GetProperty("preferred_cache").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("invalid_instance", error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Tokens_carry_kid_and_x5t_of_a_published_key_and_validate_against_jwks()
    {
        var spa = await Flows.SpaTokensAsync(_host, _client);
        var idToken = Jwt.Read(spa["id_token"]);
        var (_, jwks) = await GetJsonAsync($"{_host.Options.TenantId}/discovery/v2.0/keys");
        var key = jwks.GetProperty("keys")[0];

        Assert.Equal("RS256", idToken.Alg);
        Assert.Equal(key.GetProperty("kid").GetString(), idToken.Kid);
        Assert.Equal(key.GetProperty("x5t").GetString(), idToken.X5t);
        Assert.Equal("AQAB", key.GetProperty("e").GetString());
        Assert.True(await ValidatesAgainstJwksAsync(spa["id_token"]!, DevelopmentDefaults.ClientId));
    }

    [Fact]
    public async Task Id_token_has_the_v2_claims_including_login_hint_sid_and_a_pairwise_sub()
    {
        var spa = await Flows.SpaTokensAsync(_host, _client);
        var token = Jwt.Read(spa["id_token"]);

        foreach (var claim in new[] { "aud", "iss", "iat", "nbf", "exp", "aio", "login_hint", "name", "oid", "preferred_username", "rh", "sid", "sub", "tid", "uti", "ver" })
        {
            Assert.True(token.TryGetClaim(claim, out _), $"missing {claim}");
        }

        Assert.Equal("2.0", token.GetClaim("ver").Value);
        Assert.NotEqual(TestUsers.Adele, token.Subject);
        Assert.Equal(3900, (long)(token.ValidTo - token.IssuedAt).TotalSeconds);
    }

    [Fact]
    public async Task Graph_access_token_is_a_v1_token_for_graph()
    {
        var spa = await Flows.SpaTokensAsync(_host, _client);
        var token = Jwt.Read(spa["access_token"]);

        Assert.Equal("00000003-0000-0000-c000-000000000000", token.Audiences.Single());
        Assert.Equal($"https://sts.windows.net/{_host.Options.TenantId}/", token.Issuer);
        Assert.Equal("1.0", token.GetClaim("ver").Value);
        Assert.Equal("User.Read profile openid", token.GetClaim("scp").Value);
        Assert.Equal("0", token.GetClaim("appidacr").Value);
        Assert.True(token.TryGetHeaderValue<string>("nonce", out _));
    }

    [Fact]
    public async Task Key_rollover_new_key_signs_jwks_lists_both_and_retiring_removes_the_old_one()
    {
        var before = Jwt.Read((await Flows.SpaTokensAsync(_host, _client))["id_token"]);

        _host.AddSigningKey();
        var after = await Flows.SpaTokensAsync(_host, _client);
        var (_, both) = await GetJsonAsync($"{_host.Options.TenantId}/discovery/v2.0/keys");
        _host.RetireOldestSigningKey();
        var (_, retired) = await GetJsonAsync($"{_host.Options.TenantId}/discovery/v2.0/keys");

        var newKid = Jwt.Read(after["id_token"]).Kid;
        Assert.NotEqual(before.Kid, newKid);
        Assert.Equal([before.Kid, newKid], both.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()));
        Assert.Equal([newKid], retired.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()));
        Assert.True(await ValidatesAgainstJwksAsync(after["id_token"]!, DevelopmentDefaults.ClientId));
        Assert.False(await ValidatesAgainstJwksAsync(before.EncodedToken, DevelopmentDefaults.ClientId));
    }

    [Fact]
    public void The_only_signing_key_cannot_be_retired() => Assert.Throws<InvalidOperationException>(_host.RetireOldestSigningKey);

    private async Task<bool> ValidatesAgainstJwksAsync(string token, string audience)
    {
        var jwks = new JsonWebKeySet(await _client.GetStringAsync(new Uri($"{_host.Options.TenantId}/discovery/v2.0/keys", UriKind.Relative)));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidIssuer = $"{_host.BaseAddress}{_host.Options.TenantId}/v2.0",
            ValidAudience = audience,
        });
        return result.IsValid;
    }
}
