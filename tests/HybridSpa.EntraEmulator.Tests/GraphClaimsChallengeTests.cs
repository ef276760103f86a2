using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using HybridSpa.EntraEmulator.Tests.Support;
using Microsoft.Identity.Client;

namespace HybridSpa.EntraEmulator.Tests;

/// <summary>
/// Revoking a user's sign-in sessions and requiring an authentication context (control surface), and Graph's 401
/// <c>insufficient_claims</c> claims challenge for a CAE token issued before the revocation or a token without the required
/// <c>acrs</c>. Each test owns its emulator (revocations and the clock are per host).
/// </summary>
public sealed class GraphClaimsChallengeTests : IAsyncLifetime, IDisposable
{
    private const string GraphChallengePrefix =
        "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\", error=\"insufficient_claims\", claims=\"";

    private EntraEmulatorHost _host = null!;
    private HttpClient _client = null!;

    private ControlSurfaceClient Control => new(_host, _client);

    private GraphClient Graph => new(_host, _client);

    public async Task InitializeAsync()
    {
        _host = await EntraEmulatorHost.StartAsync(EntraEmulatorOptions.CreateDefault(), new EntraEmulatorHostSettings { EnvironmentName = "Development", EnableControlSurface = true });
        _client = new HttpClient(_host.CreateHttpHandler());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task A_cae_token_issued_before_the_revocation_gets_401_insufficient_claims_asking_for_nbf_at_the_revocation_time()
    {
        var token = (await GraphTokens.ForAsync(CaeClient(), _host, TestUsers.Adele, "User.Read")).AccessToken;
        Assert.Equal(HttpStatusCode.OK, (await Graph.GetAsync("v1.0/me", token)).Status);
        _host.Clock.Advance(TimeSpan.FromSeconds(1));

        var (status, revocation) = await Control.SendAsync("POST", $"users/{TestUsers.Adele}/revokeSignInSessions");
        var challenged = await Graph.GetAsync("v1.0/me", token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.Unauthorized, challenged.Status);
        Assert.Equal("InvalidAuthenticationToken", challenged.ErrorCode);
        var header = challenged.Header("WWW-Authenticate")!;
        Assert.StartsWith(GraphChallengePrefix, header, StringComparison.Ordinal);
        var claims = DecodedClaims(header);
        var revokedAt = revocation.GetProperty("revokedAt").GetDateTimeOffset().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("{\"access_token\":{\"nbf\":{\"essential\":true,\"value\":\"" + revokedAt + "\"}}}", claims);
    }

    [Fact]
    public async Task Msal_reads_the_challenge_and_its_silent_retry_with_the_claims_needs_interaction_because_the_refresh_token_is_revoked()
    {
        var msal = CaeClient();
        var first = await GraphTokens.ForAsync(msal, _host, TestUsers.Adele, "User.Read");
        _host.Clock.Advance(TimeSpan.FromSeconds(1));
        await Control.SendAsync("POST", $"users/{TestUsers.Adele}/revokeSignInSessions");

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{_host.BaseAddress}v1.0/me"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", first.AccessToken);
        using var response = await _client.SendAsync(request);
        var claims = WwwAuthenticateParameters.GetClaimChallengeFromResponseHeaders(response.Headers);
        var silent = await Assert.ThrowsAsync<MsalUiRequiredException>(() => msal.AcquireTokenSilent(["User.Read"], first.Account).WithClaims(claims).ExecuteAsync());

        Assert.Contains("\"nbf\"", claims, StringComparison.Ordinal);
        Assert.Contains("AADSTS50173", silent.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_without_cp1_is_not_challenged_after_the_revocation_as_Graph_keeps_honouring_it_until_it_expires()
    {
        var token = await GraphTokens.AccessTokenAsync(_host, TestUsers.Adele, "User.Read");
        _host.Clock.Advance(TimeSpan.FromSeconds(1));

        await Control.SendAsync("POST", $"users/{TestUsers.Adele}/revokeSignInSessions");

        Assert.Equal(HttpStatusCode.OK, (await Graph.GetAsync("v1.0/me", token)).Status);
    }

    [Fact]
    public async Task Revocation_ends_the_users_browser_sessions_and_refuses_refresh_tokens_issued_before_it_with_AADSTS50173()
    {
        var spa = await Flows.SpaTokensAsync(_host, _client);
        _host.Clock.Advance(TimeSpan.FromSeconds(1));

        var (_, revocation) = await Control.SendAsync("POST", $"users/{TestUsers.Adele}/revokeSignInSessions");
        var refreshed = await TokenResponse.SendAsync(_client, SpaRequests.Refresh(_host, spa["refresh_token"]!));

        Assert.Equal(1, revocation.GetProperty("signedOut").GetInt32());
        refreshed.AssertError(HttpStatusCode.BadRequest, "invalid_grant", 50173);
    }

    [Fact]
    public async Task Tokens_issued_after_the_revocation_are_honoured()
    {
        await Control.SendAsync("POST", $"users/{TestUsers.Adele}/revokeSignInSessions");
        _host.Clock.Advance(TimeSpan.FromSeconds(1));

        var token = (await GraphTokens.ForAsync(CaeClient(), _host, TestUsers.Adele, "User.Read")).AccessToken;

        Assert.Equal(HttpStatusCode.OK, (await Graph.GetAsync("v1.0/me", token)).Status);
    }

    [Fact]
    public async Task Revoking_an_unknown_user_is_404()
    {
        var (status, _) = await Control.SendAsync("POST", $"users/{Guid.NewGuid()}/revokeSignInSessions");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task A_required_authentication_context_challenges_for_acrs_on_that_path_only()
    {
        var (status, _) = await Control.SendAsync("PATCH", $"applications/{DevelopmentDefaults.ClientId}", """{"graphAuthenticationContexts":{"/v1.0/me/messages":"c1"}}""");
        var token = await GraphTokens.AccessTokenAsync(_host, TestUsers.Adele, "User.Read", "Mail.Read");

        var mail = await Graph.GetAsync("v1.0/me/messages", token, SpaRequests.Origin);
        var me = await Graph.GetAsync("v1.0/me", token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.Unauthorized, mail.Status);
        Assert.StartsWith(GraphChallengePrefix, mail.Header("WWW-Authenticate"), StringComparison.Ordinal);
        Assert.Equal("""{"access_token":{"acrs":{"essential":true,"value":"c1"}}}""", DecodedClaims(mail.Header("WWW-Authenticate")!));
        Assert.Contains("WWW-Authenticate", mail.Header("Access-Control-Expose-Headers") ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, me.Status);
    }

    [Theory]
    [InlineData("""{"graphAuthenticationContexts":{"/v1.0/me/messages":"mfa"}}""")]
    [InlineData("""{"graphAuthenticationContexts":{"me/messages":"c1"}}""")]
    public async Task An_authentication_context_that_is_not_c1_to_c99_on_a_graph_path_is_400(string json)
    {
        var (status, _) = await Control.SendAsync("PATCH", $"applications/{DevelopmentDefaults.ClientId}", json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    private IConfidentialClientApplication CaeClient() => MsalServer.WithSecret(_host, clientCapabilities: ["cp1"]);

    private static string DecodedClaims(string header)
    {
        var value = header[GraphChallengePrefix.Length..].TrimEnd('"');
        using var parsed = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(value)));
        return JsonSerializer.Serialize(parsed.RootElement);
    }
}
