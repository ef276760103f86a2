using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using HybridSpa.EntraEmulator.Tests.Support;

namespace HybridSpa.EntraEmulator.Tests;

/// <summary>The Graph emulator: /v1.0/me, the photo, CORS and the 401 envelopes (§9, pitfall 21).</summary>
public sealed class GraphTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly HttpClient _client = fixture.CreateClient();

    private EntraEmulatorHost Host => fixture.Host;

    public void Dispose() => _client.Dispose();

    private async Task<HttpResponseMessage> GetAsync(string path, string? token, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{Host.GraphBaseUrl}{path}"));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await _client.SendAsync(request);
    }

    private async Task<string> AccessTokenAsync(string user = TestUsers.Adele) => (await Flows.SpaTokensAsync(Host, _client, user))["access_token"]!;

    [Fact]
    public async Task Me_returns_the_default_properties_in_graph_order_with_nulls_and_id_equal_to_oid()
    {
        using var response = await GetAsync("/me", await AccessTokenAsync(), SpaRequests.Origin);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            ["@odata.context", "businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName", "id"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.EndsWith("$metadata#users/$entity", json.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
        Assert.Equal(TestUsers.Adele, json.GetProperty("id").GetString());
        Assert.Equal("Adele Vance", json.GetProperty("displayName").GetString());
        Assert.Equal(SpaRequests.Origin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.True(response.Headers.Contains("request-id"));
    }

    [Fact]
    public async Task Unset_properties_are_null_not_missing()
    {
        var user = TestUsers.AddUser(Host);
        using var response = await GetAsync("/me", await AccessTokenAsync(user.ObjectId));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(JsonValueKind.Null, json.GetProperty("jobTitle").ValueKind);
        Assert.Equal(JsonValueKind.Array, json.GetProperty("businessPhones").ValueKind);
    }

    [Fact]
    public async Task Select_returns_only_the_selected_properties_and_changes_the_context()
    {
        using var response = await GetAsync("/me?$select=displayName,mail", await AccessTokenAsync());
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(["@odata.context", "displayName", "mail"], json.EnumerateObject().Select(p => p.Name));
        Assert.EndsWith("$metadata#users(displayName,mail)/$entity", json.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Select_of_an_unknown_property_is_a_graph_bad_request()
    {
        using var response = await GetAsync("/me?$select=nonsense", await AccessTokenAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"BadRequest\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Photo_is_a_png_for_users_with_a_photo()
    {
        using var response = await GetAsync("/me/photo/$value", await AccessTokenAsync());
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
    }

    [Fact]
    public async Task Photo_is_ImageNotFound_404_for_users_without_one()
    {
        var user = TestUsers.AddUser(Host);
        using var response = await GetAsync("/me/photo/$value", await AccessTokenAsync(user.ObjectId));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("\"ImageNotFound\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Access token is empty.")]
    [InlineData("garbage", "CompactToken parsing failed with error code: 80049217")]
    public async Task Missing_or_garbage_token_is_401_InvalidAuthenticationToken(string? token, string message)
    {
        using var response = await GetAsync("/me", token);

        await AssertUnauthorizedAsync(response, message);
    }

    [Fact]
    public async Task Id_token_presented_to_graph_is_rejected_for_its_audience()
    {
        var idToken = (await Flows.SpaTokensAsync(Host, _client))["id_token"];

        using var response = await GetAsync("/me", idToken);

        await AssertUnauthorizedAsync(response, "Access token validation failure. Invalid audience.");
    }

    [Fact]
    public async Task Expired_token_is_401_on_the_emulator_clock()
    {
        await using var host = await EntraEmulatorHost.StartAsync(EntraEmulatorOptions.CreateDefault(), new EntraEmulatorHostSettings { EnvironmentName = "Development" });
        using var client = new HttpClient(host.CreateHttpHandler());
        var token = (await Flows.SpaTokensAsync(host, client))["access_token"];
        host.Clock.Advance(TimeSpan.FromMinutes(96));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{host.GraphBaseUrl}/me"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.SendAsync(request);

        await AssertUnauthorizedAsync(response, "Lifetime validation failed, the token is expired.");
    }

    [Fact]
    public async Task Tampered_token_is_401()
    {
        var token = await AccessTokenAsync();
        var parts = token.Split('.');
        var tampered = parts[0] + "." + parts[1] + "." + new string(parts[2].Reverse().ToArray());

        using var response = await GetAsync("/me", tampered);

        await AssertUnauthorizedAsync(response, "Access token validation failure.");
    }

    [Fact]
    public async Task Preflight_allows_the_authorization_header_for_registered_origins_only()
    {
        using var registered = new HttpRequestMessage(HttpMethod.Options, new Uri($"{Host.GraphBaseUrl}/me"));
        registered.Headers.Add("Origin", SpaRequests.Origin);
        registered.Headers.Add("Access-Control-Request-Headers", "authorization");
        using var other = new HttpRequestMessage(HttpMethod.Options, new Uri($"{Host.GraphBaseUrl}/me"));
        other.Headers.Add("Origin", "https://evil.example");

        using var ok = await _client.SendAsync(registered);
        using var refused = await _client.SendAsync(other);

        Assert.Equal(SpaRequests.Origin, ok.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("authorization", ok.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.Ordinal);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response, string message)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("InvalidAuthenticationToken", error.GetProperty("code").GetString());
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$", error.GetProperty("innerError").GetProperty("date").GetString());
        Assert.StartsWith("Bearer realm=\"\", authorization_uri=", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }
}
