using System.Net;
using System.Text;
using HybridSpa.EntraEmulator.Tests.Support;

namespace HybridSpa.EntraEmulator.Tests;

/// <summary>Garbage, oversized and malformed input gets Entra's error shape or error page: never a 5xx, never a stack trace.</summary>
public sealed class RobustnessTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly HttpClient _client = new(NoRedirects(fixture.Host));

    private EntraEmulatorHost Host => fixture.Host;

    public void Dispose() => _client.Dispose();

    private static SocketsHttpHandler NoRedirects(EntraEmulatorHost host)
    {
        var handler = EntraEmulatorConnectivity.CreateHandler(host.TlsCertificate);
        handler.AllowAutoRedirect = false;
        return handler;
    }

    public static TheoryData<string, string, string?> GarbageRequests => new()
    {
        { "POST", "oauth2/v2.0/token", "grant_type=authorization_code&client_id=%ZZ&code=%" },
        { "POST", "oauth2/v2.0/token", "grant_type=authorization_code&grant_type=refresh_token&client_id=x" },
        { "POST", "oauth2/v2.0/token", "\u0000\u0001\u0002binary" },
        { "POST", "oauth2/v2.0/token", "grant_type=authorization_code&client_id=c2b7e3a9-4f1d-4b6e-9a8c-5d3e2f1a0b7c&code=" + new string('A', 60000) },
        { "POST", "oauth2/v2.0/token", "grant_type=refresh_token&client_id=c2b7e3a9-4f1d-4b6e-9a8c-5d3e2f1a0b7c&refresh_token=%00%00" },
        { "POST", "oauth2/v2.0/token", "grant_type=authorization_code&client_id=c2b7e3a9-4f1d-4b6e-9a8c-5d3e2f1a0b7c&client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer&client_assertion=a.b.c&code=x" },
        { "POST", "oauth2/v2.0/token", "grant_type=authorization_code&client_id=c2b7e3a9-4f1d-4b6e-9a8c-5d3e2f1a0b7c&scope=" + new string(' ', 5000) + "&code=x" },
        { "PUT", "oauth2/v2.0/token", "x=y" },
        { "GET", "oauth2/v2.0/authorize?client_id=c2b7e3a9-4f1d-4b6e-9a8c-5d3e2f1a0b7c&redirect_uri=%%%", null },
        { "GET", "oauth2/v2.0/authorize?client_id=c2b7e3a9-4f1d-4b6e-9a8c-5d3e2f1a0b7c&redirect_uri=https%3A%2F%2Flocalhost%3A5001%2Fsignin-oidc&response_type=code&scope=openid&code_challenge=short&response_mode=query", null },
        { "GET", "oauth2/v2.0/authorize?client_id=c2b7e3a9-4f1d-4b6e-9a8c-5d3e2f1a0b7c&redirect_uri=https%3A%2F%2Flocalhost%3A5001%2Fsignin-oidc&response_mode=bogus", null },
        { "GET", "oauth2/v2.0/authorize?client_id=c2b7e3a9-4f1d-4b6e-9a8c-5d3e2f1a0b7c&client_id=x", null },
        { "POST", "login", "flowToken=" + new string('x', 5000) + "&action=signin" },
        { "GET", "login", null },
        { "GET", "oauth2/v2.0/logout?id_token_hint=not.a.jwt&post_logout_redirect_uri=%%", null },
        { "GET", "discovery/v2.0/keys?x=%%", null },
        { "GET", "nothing/here", null },
    };

    [Theory]
    [MemberData(nameof(GarbageRequests))]
    public async Task Garbage_never_yields_a_server_error(string method, string path, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri($"{Host.Authority}{path}"));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
        }

        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.InRange((int)response.StatusCode, 200, 499);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PUT", "{tenant}oauth2/v2.0/authorize", "GET, POST")]
    [InlineData("DELETE", "{tenant}oauth2/v2.0/logout", "GET, POST")]
    [InlineData("POST", "{tenant}v2.0/.well-known/openid-configuration", "GET, OPTIONS")]
    [InlineData("PATCH", "{tenant}discovery/v2.0/keys", "GET, OPTIONS")]
    [InlineData("PUT", "{tenant}oauth2/v2.0/token", "POST, OPTIONS")]
    [InlineData("GET", "{tenant}login", "POST")]
    public async Task Another_method_on_an_Entra_path_is_AADSTS900561_with_the_allowed_methods(string method, string path, string allowed)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path.Replace("{tenant}", Host.Authority, StringComparison.Ordinal)));

        using var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allowed, string.Join(", ", response.Content.Headers.Allow));
        Assert.Contains("AADSTS900561", body, StringComparison.Ordinal);
        Assert.Contains($"Received a {method} request", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DELETE", "v1.0/me", "GET, OPTIONS")]
    [InlineData("POST", "v1.0/me/messages", "GET, OPTIONS")]
    [InlineData("PUT", "v1.0/users/someone", "GET, OPTIONS")]
    [InlineData("DELETE", "oidc/userinfo", "GET, POST, OPTIONS")]
    public async Task Another_method_on_a_Graph_path_is_405_with_Allow_in_Graphs_error_envelope(string method, string path, string allowed)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(Host.BaseAddress + path));

        using var response = await _client.SendAsync(request);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allowed, string.Join(", ", response.Content.Headers.Allow));
        Assert.Equal("Request_BadRequest", json.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Oversized_body_is_a_4xx()
    {
        using var content = new ByteArrayContent(new byte[2 * 1024 * 1024]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        // The server refuses the body from its Content-Length alone; without 100-continue the client may still be
        // uploading when that answer closes the connection, and sees a broken pipe instead of the status.
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.TokenEndpoint) { Content = content };
        request.Headers.ExpectContinue = true;

        using var response = await _client.SendAsync(request);

        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Fact]
    public async Task Json_body_on_the_token_endpoint_is_treated_as_missing_parameters()
    {
        using var response = await _client.PostAsync(fixture.TokenEndpoint, new StringContent("{\"grant_type\":\"authorization_code\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("AADSTS900144", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_parameters_and_empty_telemetry_are_accepted_and_ignored()
    {
        var (code, request) = await Flows.CodeAsync(Host);
        var message = Flows.WebRedemption(Host, code, request.Pkce!.Verifier);
        var body = await message.Content!.ReadAsStringAsync() + "&x-client-current-telemetry=&X-AnchorMailbox=UPN%3Ax&claims=%7B%7D&clidata=1&whatever=1";
        message.Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await TokenResponse.SendAsync(_client, message);

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }
}
