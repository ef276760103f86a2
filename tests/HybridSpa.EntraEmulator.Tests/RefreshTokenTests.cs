using System.Net;
using HybridSpa.EntraEmulator.Tests.Support;

namespace HybridSpa.EntraEmulator.Tests;

/// <summary>SPA refresh tokens: fixed 24 h, rotation keeps the remaining lifetime, old tokens stay valid (pitfall 17). Each test owns its clock.</summary>
public sealed class RefreshTokenTests : IAsyncLifetime, IDisposable
{
    private EntraEmulatorHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await EntraEmulatorHost.StartAsync(EntraEmulatorOptions.CreateDefault(), new EntraEmulatorHostSettings { EnvironmentName = "Development" });
        _client = new HttpClient(_host.CreateHttpHandler());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Spa_refresh_token_after_24_hours_is_AADSTS700084()
    {
        var spa = await Flows.SpaTokensAsync(_host, _client);
        _host.Clock.Advance(TimeSpan.FromHours(24));

        var response = await TokenResponse.SendAsync(_client, SpaRequests.Refresh(_host, spa["refresh_token"]!));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_grant", 700084);
        Assert.Contains("fixed, limited lifetime of 1.00:00:00", response["error_description"], StringComparison.Ordinal);
        Assert.Equal(SpaRequests.Origin, response.AllowOrigin);
    }

    [Fact]
    public async Task Rotation_keeps_the_remaining_lifetime_and_the_old_token_stays_valid()
    {
        var spa = await Flows.SpaTokensAsync(_host, _client);
        _host.Clock.Advance(TimeSpan.FromHours(10));

        var rotated = await TokenResponse.SendAsync(_client, SpaRequests.Refresh(_host, spa["refresh_token"]!));
        var again = await TokenResponse.SendAsync(_client, SpaRequests.Refresh(_host, spa["refresh_token"]!));

        Assert.Equal(HttpStatusCode.OK, rotated.Status);
        Assert.NotEqual(spa["refresh_token"], rotated["refresh_token"]);
        Assert.InRange(rotated.Json.GetProperty("refresh_token_expires_in").GetInt64(), 13 * 3600 + 3500, 14 * 3600);
        Assert.Equal(HttpStatusCode.OK, again.Status);

        _host.Clock.Advance(TimeSpan.FromHours(14));
        var expired = await TokenResponse.SendAsync(_client, SpaRequests.Refresh(_host, rotated["refresh_token"]!));
        expired.AssertError(HttpStatusCode.BadRequest, "invalid_grant", 700084);
    }

    [Fact]
    public async Task Spa_refresh_token_without_origin_is_AADSTS9002327()
    {
        var spa = await Flows.SpaTokensAsync(_host, _client);

        var response = await TokenResponse.SendAsync(_client, SpaRequests.Refresh(_host, spa["refresh_token"]!, origin: null));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_request", 9002327);
    }

    [Fact]
    public async Task Web_refresh_token_outlives_24_hours_and_is_refreshed_by_msal_net()
    {
        var (code, request) = await Flows.CodeAsync(_host);
        var app = MsalServer.WithSecret(_host);
        var first = await MsalServer.RedeemAsync(app, code, request.Pkce);
        _host.Clock.Advance(TimeSpan.FromDays(30));

        var refreshed = await app.AcquireTokenSilent(["User.Read"], first.Account).WithForceRefresh(true).ExecuteAsync();

        Assert.NotEqual(first.AccessToken, refreshed.AccessToken);
        Assert.Null(refreshed.SpaAuthCode);
    }

    [Fact]
    public async Task Web_refresh_token_with_an_origin_is_AADSTS9002326()
    {
        var (code, request) = await Flows.CodeAsync(_host);
        var web = await TokenResponse.SendAsync(_client, Flows.WebRedemption(_host, code, request.Pkce!.Verifier));
        var message = SpaRequests.Create(_host, SpaRequests.Origin,
        [
            new("client_id", DevelopmentDefaults.ClientId), new("client_secret", DevelopmentDefaults.ClientSecret),
            new("grant_type", "refresh_token"), new("refresh_token", web["refresh_token"]!),
        ]);

        var response = await TokenResponse.SendAsync(_client, message);

        response.AssertError(HttpStatusCode.BadRequest, "invalid_request", 9002326);
    }

    [Fact]
    public async Task Web_refresh_token_unused_for_90_days_is_AADSTS700082_bad_token()
    {
        var (code, request) = await Flows.CodeAsync(_host);
        var web = await TokenResponse.SendAsync(_client, Flows.WebRedemption(_host, code, request.Pkce!.Verifier));
        _host.Clock.Advance(TimeSpan.FromDays(91));
        var message = SpaRequests.Create(_host, null,
        [
            new("client_id", DevelopmentDefaults.ClientId), new("client_secret", DevelopmentDefaults.ClientSecret),
            new("grant_type", "refresh_token"), new("refresh_token", web["refresh_token"]!),
        ]);

        var response = await TokenResponse.SendAsync(_client, message);

        response.AssertError(HttpStatusCode.BadRequest, "invalid_grant", 700082);
        Assert.Equal("bad_token", response["suberror"]);
    }

    [Fact]
    public async Task Refresh_for_a_user_flagged_interaction_required_is_AADSTS50076()
    {
        var user = TestUsers.AddUser(_host);
        var spa = await Flows.SpaTokensAsync(_host, _client, user.ObjectId);
        user.InteractionRequiredOnSilent = true;

        var response = await TokenResponse.SendAsync(_client, SpaRequests.Refresh(_host, spa["refresh_token"]!));

        response.AssertError(HttpStatusCode.BadRequest, "interaction_required", 50076);
    }

    [Fact]
    public async Task Return_spa_code_on_a_refresh_is_AADSTS9000512()
    {
        var spa = await Flows.SpaTokensAsync(_host, _client);
        var message = SpaRequests.Create(_host, SpaRequests.Origin,
            [new("client_id", DevelopmentDefaults.ClientId), new("grant_type", "refresh_token"), new("refresh_token", spa["refresh_token"]!), new("return_spa_code", "1")]);

        var response = await TokenResponse.SendAsync(_client, message);

        response.AssertError(HttpStatusCode.BadRequest, "invalid_request", 9000512);
    }

    [Fact]
    public async Task Garbage_refresh_token_is_AADSTS9002313()
    {
        var response = await TokenResponse.SendAsync(_client, SpaRequests.Refresh(_host, "not-a-refresh-token"));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_request", 9002313);
    }
}
