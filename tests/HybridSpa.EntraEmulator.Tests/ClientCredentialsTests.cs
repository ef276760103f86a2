using System.Net;
using HybridSpa.EntraEmulator.Tests.Support;
using Microsoft.Identity.Client;

namespace HybridSpa.EntraEmulator.Tests;

/// <summary>
/// grant_type=client_credentials as a daemon or another team's CI uses it (MSAL.NET AcquireTokenForClient, unmodified): app-only
/// Graph tokens carrying the app registration's application permissions as <c>roles</c>, and Graph honouring them.
/// </summary>
public sealed class ClientCredentialsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private const string GraphDefault = "https://graph.microsoft.com/.default";
    private readonly HttpClient _client = fixture.CreateClient();

    private EntraEmulatorHost Host => fixture.Host;

    private GraphClient Graph => new(Host, _client);

    public void Dispose() => _client.Dispose();

    private HttpRequestMessage ClientCredentials(string? scope = GraphDefault, string? secret = DevelopmentDefaults.ClientSecret, string? tenant = null, string? origin = null)
    {
        var fields = new List<KeyValuePair<string, string>> { new("client_id", DevelopmentDefaults.ClientId), new("grant_type", "client_credentials") };
        if (scope is not null)
        {
            fields.Add(new("scope", scope));
        }

        if (secret is not null)
        {
            fields.Add(new("client_secret", secret));
        }

        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{Host.BaseAddress}{tenant ?? Host.Options.TenantId}/oauth2/v2.0/token")) { Content = new FormUrlEncodedContent(fields) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return request;
    }

    [Fact]
    public async Task Msal_acquire_token_for_client_with_a_secret_gets_an_app_only_graph_token_with_roles_idtyp_app_and_no_scp()
    {
        var result = await MsalServer.WithSecret(Host).AcquireTokenForClient([GraphDefault]).ExecuteAsync();

        var token = Jwt.Read(result.AccessToken);
        Assert.Equal("app", token.GetClaim("idtyp").Value);
        Assert.Contains(token.Claims, c => c.Type == "roles" && c.Value == "User.Read.All");
        Assert.False(token.TryGetClaim("scp", out _));
        Assert.False(token.TryGetClaim("upn", out _));
        Assert.Equal(DevelopmentDefaults.ClientId, token.GetClaim("appid").Value);
        Assert.Equal("1", token.GetClaim("appidacr").Value);
        Assert.Equal(token.GetClaim("oid").Value, token.Subject);
        Assert.Equal(Host.Options.TenantId, token.GetClaim("tid").Value);
        Assert.Null(result.Account);
    }

    [Fact]
    public async Task Msal_acquire_token_for_client_with_a_certificate_assertion_gets_an_app_only_token_with_appidacr_2()
    {
        var result = await MsalServer.WithCertificate(Host, fixture.ClientCertificate).AcquireTokenForClient([GraphDefault]).ExecuteAsync();

        var token = Jwt.Read(result.AccessToken);
        Assert.Equal("app", token.GetClaim("idtyp").Value);
        Assert.Equal("2", token.GetClaim("appidacr").Value);
        Assert.Contains(token.Claims, c => c.Type == "roles" && c.Value == "User.Read.All");
    }

    [Fact]
    public async Task Response_has_entra_client_credentials_fields_only()
    {
        var response = await TokenResponse.SendAsync(_client, ClientCredentials());

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(["token_type", "expires_in", "ext_expires_in", "access_token"], response.Json.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public async Task App_only_token_reads_users_and_a_user_by_id_from_graph()
    {
        var token = (await MsalServer.WithSecret(Host).AcquireTokenForClient([GraphDefault]).ExecuteAsync()).AccessToken;

        var users = await Graph.GetAsync("v1.0/users", token);
        var adele = await Graph.GetAsync($"v1.0/users/{TestUsers.Adele}", token);

        Assert.Equal(HttpStatusCode.OK, users.Status);
        Assert.Contains(users.Value, u => u.GetProperty("id").GetString() == TestUsers.Adele);
        Assert.Equal(HttpStatusCode.OK, adele.Status);
        Assert.Equal("Adele Vance", adele.Json.GetProperty("displayName").GetString());
    }

    [Theory]
    [InlineData("v1.0/me")]
    [InlineData("v1.0/me/messages")]
    [InlineData("v1.0/me/contacts")]
    [InlineData("v1.0/me/photo/$value")]
    public async Task App_only_token_on_me_is_graphs_400_for_a_request_that_needs_a_delegated_flow(string path)
    {
        var token = (await MsalServer.WithSecret(Host).AcquireTokenForClient([GraphDefault]).ExecuteAsync()).AccessToken;

        var response = await Graph.GetAsync(path, token);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("BadRequest", response.ErrorCode);
        Assert.Equal("/me request is only valid with delegated authentication flow.", response.Json.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task App_without_application_permissions_gets_a_token_without_roles_that_graph_refuses_with_403()
    {
        var app = Host.Options.Applications.Single(a => a.ClientId == DevelopmentDefaults.ClientId);
        var permissions = app.ApplicationPermissions;
        app.ApplicationPermissions = [];
        try
        {
            var response = await TokenResponse.SendAsync(_client, ClientCredentials());
            var users = await Graph.GetAsync("v1.0/users", response["access_token"]);

            Assert.False(Jwt.Read(response["access_token"]).TryGetClaim("roles", out _));
            Assert.Equal(HttpStatusCode.Forbidden, users.Status);
            Assert.Equal("Authorization_RequestDenied", users.ErrorCode);
        }
        finally
        {
            app.ApplicationPermissions = permissions;
        }
    }

    [Fact]
    public async Task Delegated_token_still_reads_users_with_user_read_basic_all()
    {
        var token = await GraphTokens.AccessTokenAsync(Host, TestUsers.Adele, "User.ReadBasic.All");

        var users = await Graph.GetAsync("v1.0/users", token);

        Assert.Equal(HttpStatusCode.OK, users.Status);
        Assert.Contains(users.Value, u => u.GetProperty("id").GetString() == TestUsers.Adele);
    }

    [Theory]
    [InlineData("User.Read")]
    [InlineData("https://graph.microsoft.com/User.Read.All")]
    [InlineData("openid https://graph.microsoft.com/.default")]
    public async Task Scope_other_than_a_resources_default_is_AADSTS1002012(string scope)
    {
        var response = await TokenResponse.SendAsync(_client, ClientCredentials(scope));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_scope", 1002012);
    }

    [Fact]
    public async Task Missing_scope_is_AADSTS900144()
    {
        var response = await TokenResponse.SendAsync(_client, ClientCredentials(scope: null));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_request", 900144);
    }

    [Fact]
    public async Task Public_client_without_a_credential_is_AADSTS7000218()
    {
        var response = await TokenResponse.SendAsync(_client, ClientCredentials(secret: null));

        response.AssertError(HttpStatusCode.Unauthorized, "invalid_client", 7000218);
    }

    [Fact]
    public async Task Wrong_secret_is_AADSTS7000215()
    {
        var response = await TokenResponse.SendAsync(_client, ClientCredentials(secret: "not-the-secret"));

        response.AssertError(HttpStatusCode.Unauthorized, "invalid_client", 7000215);
    }

    [Fact]
    public async Task Request_from_a_browser_origin_is_refused()
    {
        var response = await TokenResponse.SendAsync(_client, ClientCredentials(origin: "https://localhost:5001"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Null(response["access_token"]);
    }

    [Theory]
    [InlineData("common")]
    [InlineData("organizations")]
    public async Task Client_credentials_at_a_multi_tenant_alias_is_refused(string tenant)
    {
        var response = await TokenResponse.SendAsync(_client, ClientCredentials(tenant: tenant));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Null(response["access_token"]);
    }
}
