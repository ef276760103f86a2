using System.Net;
using HybridSpa.EntraEmulator.Tests.Support;

namespace HybridSpa.EntraEmulator.Tests;

/// <summary>Graph /users/{id | userPrincipalName} (User.ReadBasic.All), /oidc/userinfo, and Graph's CORS on errors and unknown paths.</summary>
public sealed class GraphUsersAndUserInfoTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly HttpClient _client = fixture.CreateClient();

    private EntraEmulatorHost Host => fixture.Host;

    private GraphClient Graph => new(Host, _client);

    public void Dispose() => _client.Dispose();

    [Theory]
    [InlineData(TestUsers.Alex)]
    [InlineData("AlexW@hybridspa.onmicrosoft.com")]
    public async Task Another_user_is_found_by_id_or_userPrincipalName_with_User_ReadBasic_All(string key)
    {
        var token = await GraphTokens.AccessTokenAsync(Host, TestUsers.Adele, "User.ReadBasic.All");

        var response = await Graph.GetAsync($"v1.0/users/{key}?$select=id,displayName,mail", token);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(TestUsers.Alex, response.Json.GetProperty("id").GetString());
        Assert.Equal("Alex Wilber", response.Json.GetProperty("displayName").GetString());
        Assert.EndsWith("$metadata#users(id,displayName,mail)/$entity", response.Json.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_user_is_404_Request_ResourceNotFound()
    {
        var token = await GraphTokens.AccessTokenAsync(Host, TestUsers.Adele, "User.ReadBasic.All");

        var response = await Graph.GetAsync("v1.0/users/nobody@hybridspa.onmicrosoft.com", token);

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("Request_ResourceNotFound", response.ErrorCode);
    }

    [Fact]
    public async Task Users_without_User_ReadBasic_All_is_403()
    {
        var token = await GraphTokens.AccessTokenAsync(Host, TestUsers.Adele, "User.Read");

        var response = await Graph.GetAsync($"v1.0/users/{TestUsers.Alex}", token, SpaRequests.Origin);

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("Authorization_RequestDenied", response.ErrorCode);
        Assert.Equal(SpaRequests.Origin, response.Header("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Unknown_graph_path_answers_graphs_400_with_cors_and_its_preflight_is_allowed()
    {
        var token = await GraphTokens.AccessTokenAsync(Host, TestUsers.Adele, "User.Read");

        var response = await Graph.GetAsync("v1.0/me/calendars", token, SpaRequests.Origin);
        var preflight = await Graph.GetAsync("v1.0/me/calendars", token: null, SpaRequests.Origin, HttpMethod.Options);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("BadRequest", response.ErrorCode);
        Assert.Equal(SpaRequests.Origin, response.Header("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.NoContent, preflight.Status);
        Assert.Equal(SpaRequests.Origin, preflight.Header("Access-Control-Allow-Origin"));
        Assert.Contains("authorization", preflight.Header("Access-Control-Allow-Headers"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unauthenticated_graph_call_carries_cors_so_the_spa_can_read_the_401()
    {
        var response = await Graph.GetAsync("v1.0/me/messages", token: null, SpaRequests.Origin);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(SpaRequests.Origin, response.Header("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Discovery_advertises_userinfo_on_the_emulators_graph_host()
    {
        var discovery = await Graph.GetAsync($"{Host.Authority}v2.0/.well-known/openid-configuration", token: null);

        Assert.Equal($"{Host.BaseAddress}oidc/userinfo", discovery.Json.GetProperty("userinfo_endpoint").GetString());
    }

    [Fact]
    public async Task Userinfo_with_a_graph_token_returns_the_id_tokens_sub_and_the_profile_claims()
    {
        var result = await GraphTokens.ForAsync(Host, TestUsers.Adele, "User.Read");

        var response = await Graph.GetAsync("oidc/userinfo", result.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(Jwt.Claim(result.IdToken, "sub"), response.Json.GetProperty("sub").GetString());
        Assert.Equal("Adele Vance", response.Json.GetProperty("name").GetString());
        Assert.Equal("Adele", response.Json.GetProperty("given_name").GetString());
        Assert.Equal("Vance", response.Json.GetProperty("family_name").GetString());
        Assert.Equal("AdeleV@hybridspa.onmicrosoft.com", response.Json.GetProperty("email").GetString());
        Assert.Equal($"{Host.BaseAddress}v1.0/me/photo/$value", response.Json.GetProperty("picture").GetString());
    }

    [Fact]
    public async Task Userinfo_without_a_token_is_graphs_401()
    {
        var response = await Graph.GetAsync("oidc/userinfo", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("InvalidAuthenticationToken", response.ErrorCode);
    }

    [Fact]
    public async Task Guest_gets_an_object_id_of_the_resource_tenant_while_client_info_keeps_the_home_account()
    {
        var result = await GraphTokens.ForAsync(Host, TestUsers.Megan, "User.Read");

        var me = await Graph.GetAsync("v1.0/me", result.AccessToken);

        var guestId = Jwt.Claim(result.IdToken, "oid");
        Assert.NotEqual(TestUsers.Megan, guestId);
        Assert.True(Guid.TryParse(guestId, out _));
        Assert.Equal(guestId, Jwt.Claim(result.AccessToken, "oid"));
        Assert.Equal(TestUsers.Megan, result.Account.HomeAccountId.ObjectId);
        Assert.Equal(DevelopmentDefaults.ConsumersTenantId, result.Account.HomeAccountId.TenantId);
        Assert.Equal(guestId, me.Json.GetProperty("id").GetString());
        Assert.Equal("megan.bowen_outlook.com#EXT#@hybridspa.onmicrosoft.com", me.Json.GetProperty("userPrincipalName").GetString());
    }
}
