using System.Net;
using System.Text.Json;
using HybridSpa.EntraEmulator.Tests.Support;
using Microsoft.Identity.Client;

namespace HybridSpa.EntraEmulator.Tests;

/// <summary>The <c>claims</c> request parameter: client capabilities (<c>cp1</c>) become <c>xms_cc</c>; a malformed or oversized value is AADSTS90100.</summary>
public sealed class ClientCapabilitiesTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private const string SpaCapabilities = """{"access_token":{"xms_cc":{"values":["CP1"]}},"id_token":{"signin_state":{"essential":false}}}""";
    private readonly HttpClient _client = fixture.CreateClient();

    private EntraEmulatorHost Host => fixture.Host;

    [Fact]
    public async Task Msal_net_with_client_capability_cp1_gets_an_access_token_carrying_xms_cc()
    {
        var (code, request) = await Flows.CodeAsync(Host);
        var msal = ConfidentialClientApplicationBuilder.Create(DevelopmentDefaults.ClientId)
            .WithClientSecret(DevelopmentDefaults.ClientSecret)
            .WithAuthority(Host.Authority)
            .WithInstanceDiscovery(false)
            .WithRedirectUri(DevelopmentDefaults.WebRedirectUri)
            .WithClientCapabilities(["cp1"])
            .WithHttpClientFactory(new EmulatorHttpClientFactory(Host))
            .Build();

        var result = await MsalServer.RedeemAsync(msal, code, request.Pkce);

        Assert.Equal(["cp1"], Jwt.Read(result.AccessToken).GetPayloadValue<string[]>("xms_cc"));
    }

    [Fact]
    public async Task A_client_that_declares_no_capability_gets_no_xms_cc()
    {
        var (code, request) = await Flows.CodeAsync(Host);

        var result = await MsalServer.RedeemAsync(MsalServer.WithSecret(Host), code, request.Pkce);

        Assert.False(Jwt.Read(result.AccessToken).TryGetPayloadValue<object>("xms_cc", out _));
    }

    [Fact]
    public async Task Spa_refresh_declaring_CP1_gets_xms_cc_as_declared()
    {
        var spa = await Flows.SpaTokensAsync(Host, _client);

        var refreshed = await TokenResponse.SendAsync(_client, SpaRequests.Refresh(Host, spa["refresh_token"]!, claims: SpaCapabilities));

        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.Equal(["CP1"], Jwt.Read(refreshed["access_token"]).GetPayloadValue<string[]>("xms_cc"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"access_token":"cp1"}""")]
    [InlineData("""{"access_token":{"xms_cc":{"values":[1]}}}""")]
    [InlineData("""{"access_token":{"nbf":{"essential":true,"value":"yesterday"}}}""")]
    public async Task Malformed_claims_at_token_are_AADSTS90100(string claims)
    {
        var spa = await Flows.SpaTokensAsync(Host, _client);

        var response = await TokenResponse.SendAsync(_client, SpaRequests.Refresh(Host, spa["refresh_token"]!, claims: claims));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_request", 90100);
    }

    [Fact]
    public async Task Oversized_claims_at_token_are_AADSTS90100()
    {
        var spa = await Flows.SpaTokensAsync(Host, _client);
        var oversized = JsonSerializer.Serialize(new { id_token = new { padding = new { value = new string('x', 5000) } } });

        var response = await TokenResponse.SendAsync(_client, SpaRequests.Refresh(Host, spa["refresh_token"]!, claims: oversized));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_request", 90100);
    }

    [Fact]
    public async Task Malformed_claims_at_authorize_go_back_to_the_app_as_AADSTS90100_with_the_state()
    {
        using var browser = new Browser(Host);
        var request = new AuthorizeRequest { Claims = """{"access_token":{"xms_cc":{"values":""" + "\"", ResponseMode = "query" };

        using var response = await browser.AuthorizeAsync(request);
        var result = await AuthorizeResponse.TryReadAsync(response);

        Assert.Equal("invalid_request", result?.Get("error"));
        Assert.StartsWith("AADSTS90100:", result?.Get("error_description"), StringComparison.Ordinal);
        Assert.Equal(request.State, result?.Get("state"));
    }

    public void Dispose() => _client.Dispose();
}
