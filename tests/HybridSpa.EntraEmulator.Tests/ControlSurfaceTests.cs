using System.Net;
using System.Text.Json;
using HybridSpa.EntraEmulator.Control;
using HybridSpa.EntraEmulator.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting.Internal;

namespace HybridSpa.EntraEmulator.Tests;

/// <summary>The HTTP control surface for out-of-process tests: clock, users, app registrations, sessions and reset; off unless enabled.</summary>
public sealed class ControlSurfaceTests(ControlSurfaceFixture fixture) : IClassFixture<ControlSurfaceFixture>, IDisposable
{
    private readonly HttpClient _client = new(fixture.Host.CreateHttpHandler());

    private EntraEmulatorHost Host => fixture.Host;

    private ControlSurfaceClient Control => new(Host, _client);

    public void Dispose() => _client.Dispose();

    private static string UserJson(string id, string? password = null) => JsonSerializer.Serialize(new
    {
        objectId = id,
        userPrincipalName = $"new-{id[..8]}@hybridspa.onmicrosoft.com",
        displayName = "New Hire",
        givenName = "New",
        surname = "Hire",
        password,
        messages = new[] { new { subject = "Welcome aboard", fromName = "HR", fromAddress = "hr@hybridspa.onmicrosoft.com", receivedDateTime = "2026-11-28T09:00:00Z" } },
    });

    [Fact]
    public async Task Control_surface_is_not_served_unless_enabled()
    {
        await using var plain = await EntraEmulatorHost.StartAsync(EntraEmulatorOptions.CreateDefault(), new EntraEmulatorHostSettings { EnvironmentName = "Development" });
        using var client = new HttpClient(plain.CreateHttpHandler());

        var (status, _) = await new ControlSurfaceClient(plain, client).SendAsync("POST", "clock/advance", """{"by":"01:00:00"}""");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(TimeSpan.Zero, plain.Clock.Offset);
    }

    [Theory]
    [InlineData("GET", "clock", null)]
    [InlineData("PUT", "clock", """{"now":"2099-01-01T00:00:00Z"}""")]
    [InlineData("POST", "clock/advance", """{"by":"01:00:00"}""")]
    [InlineData("GET", "users", null)]
    [InlineData("POST", "users", """{"objectId":"2f9c1d7e-8b4a-4c3d-9e1f-6a5b4c3d2e1f"}""")]
    [InlineData("GET", "users/87d349ed-44d7-43e1-9a83-5f2406dee5bd", null)]
    [InlineData("PATCH", "users/87d349ed-44d7-43e1-9a83-5f2406dee5bd", """{"password":"x"}""")]
    [InlineData("DELETE", "users/87d349ed-44d7-43e1-9a83-5f2406dee5bd", null)]
    [InlineData("POST", "users/87d349ed-44d7-43e1-9a83-5f2406dee5bd/revokeSignInSessions", null)]
    [InlineData("GET", "applications", null)]
    [InlineData("POST", "applications", """{"clientId":"5e0b7a41-2c9d-4f83-a6e1-8b7d2c4f9a10"}""")]
    [InlineData("GET", "applications/c2b7e3a9-4f1d-4b6e-9a8c-5d3e2f1a0b7c", null)]
    [InlineData("PATCH", "applications/c2b7e3a9-4f1d-4b6e-9a8c-5d3e2f1a0b7c", """{"clientSecrets":["stolen"]}""")]
    [InlineData("DELETE", "applications/c2b7e3a9-4f1d-4b6e-9a8c-5d3e2f1a0b7c", null)]
    [InlineData("DELETE", "sessions", null)]
    [InlineData("DELETE", "sessions/87d349ed-44d7-43e1-9a83-5f2406dee5bd", null)]
    [InlineData("POST", "reset", null)]
    public async Task Every_call_without_the_control_token_is_401_and_changes_nothing(string method, string path, string? json)
    {
        var offset = Host.Clock.Offset;
        var users = Host.Options.Users.Count;
        var secrets = string.Join(',', Host.Options.Applications[0].ClientSecrets);

        var (status, body) = await Control.SendAsync(method, path, json, request => request.Headers.Authorization = null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("Unauthorized", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(offset, Host.Clock.Offset);
        Assert.Equal(users, Host.Options.Users.Count);
        Assert.Equal(secrets, string.Join(',', Host.Options.Applications[0].ClientSecrets));
    }

    [Fact]
    public async Task A_wrong_control_token_is_401_with_a_bearer_challenge()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{Host.BaseAddress}emulator/users"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Host.ControlSurfaceToken + "x");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Control_token_is_generated_at_start_unless_configured_and_a_configured_one_is_used()
    {
        await using var configured = await EntraEmulatorHost.StartAsync(EntraEmulatorOptions.CreateDefault(),
            new EntraEmulatorHostSettings { EnvironmentName = "Development", EnableControlSurface = true, ControlSurfaceToken = "a-token-the-ci-job-chose-0123456789" });
        using var client = new HttpClient(configured.CreateHttpHandler());

        var (status, _) = await new ControlSurfaceClient(configured, client).SendAsync("GET", "clock");

        Assert.Equal("a-token-the-ci-job-chose-0123456789", configured.ControlSurfaceToken);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(Host.ControlSurfaceToken?.Length >= 32, "a generated token has at least 32 characters");
        Assert.NotEqual(configured.ControlSurfaceToken, Host.ControlSurfaceToken);
    }

    [Fact]
    public async Task Enabling_the_control_surface_outside_Development_is_refused_at_start()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EntraEmulatorHost.StartAsync(
            EntraEmulatorOptions.CreateDefault(), new EntraEmulatorHostSettings { EnvironmentName = "Staging", EnableControlSurface = true }));

        Assert.Contains("Development environment only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advancing_the_clock_expires_a_code_issued_before()
    {
        var (code, request) = await Flows.CodeAsync(Host);

        var (status, clock) = await Control.SendAsync("POST", "clock/advance", """{"by":"00:11:00"}""");
        var response = await TokenResponse.SendAsync(_client, Flows.WebRedemption(Host, code, request.Pkce!.Verifier));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(TimeSpan.Parse(clock.GetProperty("offset").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= TimeSpan.FromMinutes(11));
        response.AssertError(HttpStatusCode.BadRequest, "invalid_grant", 70008);
    }

    [Fact]
    public async Task Setting_the_clock_moves_it_forward_and_refuses_the_past()
    {
        var target = Host.Clock.GetUtcNow().AddDays(2);

        var (forward, clock) = await Control.SendAsync("PUT", "clock", JsonSerializer.Serialize(new { now = target }));
        var (backward, error) = await Control.SendAsync("PUT", "clock", """{"now":"2001-01-01T00:00:00Z"}""");

        Assert.Equal(HttpStatusCode.OK, forward);
        Assert.True(clock.GetProperty("now").GetDateTimeOffset() >= target);
        Assert.Equal(HttpStatusCode.BadRequest, backward);
        Assert.Contains("moves only forward", error.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Added_user_signs_in_and_reads_their_own_mailbox()
    {
        var id = Guid.NewGuid().ToString();

        var (status, _) = await Control.SendAsync("POST", "users", UserJson(id));
        var token = await GraphTokens.AccessTokenAsync(Host, id, "Mail.Read");
        var mail = await new GraphClient(Host, _client).GetAsync("v1.0/me/messages", token);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("Welcome aboard", Assert.Single(mail.Value).GetProperty("subject").GetString());
    }

    [Fact]
    public async Task Adding_a_user_that_exists_is_409_and_an_invalid_one_is_400_naming_the_problem()
    {
        var (duplicate, _) = await Control.SendAsync("POST", "users", UserJson(TestUsers.Adele));
        var (invalid, error) = await Control.SendAsync("POST", "users", """{"objectId":"not-a-guid","userPrincipalName":"x@hybridspa.onmicrosoft.com"}""");
        var (garbage, _) = await Control.SendAsync("POST", "users", "{not json");

        Assert.Equal(HttpStatusCode.Conflict, duplicate);
        Assert.Equal(HttpStatusCode.BadRequest, invalid);
        Assert.Contains("'not-a-guid' is not a GUID", error.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, garbage);
    }

    [Fact]
    public async Task Patching_a_user_changes_only_what_was_sent()
    {
        var id = Guid.NewGuid().ToString();
        await Control.SendAsync("POST", "users", UserJson(id));

        var (status, changed) = await Control.SendAsync("PATCH", $"users/{id}", """{"displayName":"Renamed Hire","jobTitle":"Buyer"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Renamed Hire", changed.GetProperty("displayName").GetString());
        Assert.Equal($"new-{id[..8]}@hybridspa.onmicrosoft.com", changed.GetProperty("userPrincipalName").GetString());
        var live = Host.Options.Users.Single(u => u.ObjectId == id);
        Assert.Equal(("Renamed Hire", "Buyer", "New"), (live.DisplayName, live.JobTitle, live.GivenName));
    }

    [Fact]
    public async Task Removed_user_can_no_longer_redeem_a_code_issued_to_them()
    {
        var id = Guid.NewGuid().ToString();
        await Control.SendAsync("POST", "users", UserJson(id));
        var (code, request) = await Flows.CodeAsync(Host, user: id);

        var (status, _) = await Control.SendAsync("DELETE", $"users/{id}");
        var (again, _) = await Control.SendAsync("DELETE", $"users/{id}");
        var response = await TokenResponse.SendAsync(_client, Flows.WebRedemption(Host, code, request.Pkce!.Verifier));

        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.Equal(HttpStatusCode.NotFound, again);
        response.AssertError(HttpStatusCode.BadRequest, "invalid_grant", 70000);
    }

    [Fact]
    public async Task App_registrations_are_added_changed_and_removed()
    {
        var clientId = Guid.NewGuid().ToString();
        var app = $$"""
            {"clientId":"{{clientId}}","displayName":"Other team's app","clientSecrets":["other-secret"],
             "webRedirectUris":["https://localhost:7001/signin-oidc"],"defaultConsentedScopes":["User.Read"]}
            """;
        using var browser = new Browser(Host);
        var authorize = new AuthorizeRequest { ClientId = clientId, RedirectUri = "https://localhost:7001/signin-oidc" };

        var (added, _) = await Control.SendAsync("POST", "applications", app);
        var signedIn = await browser.SignInAsync(authorize, TestUsers.Adele);
        var (changed, body) = await Control.SendAsync("PATCH", $"applications/{clientId}", """{"displayName":"Renamed app"}""");
        var (removed, _) = await Control.SendAsync("DELETE", $"applications/{clientId}");
        var afterRemoval = await browser.AuthorizeAsync(authorize);

        Assert.Equal(HttpStatusCode.Created, added);
        Assert.NotNull(signedIn.Get("code"));
        Assert.Equal(HttpStatusCode.OK, changed);
        Assert.Equal("Renamed app", body.GetProperty("displayName").GetString());
        Assert.Equal(HttpStatusCode.NoContent, removed);
        Assert.Contains("AADSTS700016", await afterRemoval.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ending_sessions_makes_silent_sign_in_login_required()
    {
        using var browser = new Browser(Host);
        await browser.SignInAsync(new AuthorizeRequest(), TestUsers.Adele);

        var (status, ended) = await Control.SendAsync("DELETE", "sessions");
        var silent = await AuthorizeResponse.TryReadAsync(await browser.AuthorizeAsync(new AuthorizeRequest { Prompt = "none" }));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(ended.GetProperty("ended").GetInt32() >= 1);
        Assert.Equal("login_required", silent!["error"]);
    }

    [Fact]
    public async Task Signing_one_user_out_everywhere_keeps_the_browsers_other_account()
    {
        using var browser = new Browser(Host);
        await browser.SignInAsync(new AuthorizeRequest(), TestUsers.Adele);
        await browser.SignInAsync(new AuthorizeRequest { Prompt = "login" }, TestUsers.Alex, TestUsers.AlexPassword);

        var (status, result) = await Control.SendAsync("DELETE", $"sessions/{TestUsers.Alex}");
        var silent = await AuthorizeResponse.TryReadAsync(await browser.AuthorizeAsync(new AuthorizeRequest { Prompt = "none" }));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, result.GetProperty("signedOut").GetInt32());
        Assert.NotNull(silent!.Get("code"));
    }

    [Fact]
    public async Task Reset_returns_to_the_configured_users_and_forgets_sessions_and_the_clock()
    {
        using var browser = new Browser(Host);
        await browser.SignInAsync(new AuthorizeRequest(), TestUsers.Adele);
        await Control.SendAsync("POST", "users", UserJson(Guid.NewGuid().ToString()));
        await Control.SendAsync("DELETE", $"users/{TestUsers.Alex}");
        await Control.SendAsync("POST", "clock/advance", """{"by":"2.00:00:00"}""");

        var (status, _) = await Control.SendAsync("POST", "reset");
        var (_, users) = await Control.SendAsync("GET", "users");
        var silent = await AuthorizeResponse.TryReadAsync(await browser.AuthorizeAsync(new AuthorizeRequest { Prompt = "none" }));

        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.Equal(
            EntraEmulatorOptions.CreateDefault().Users.Select(u => u.ObjectId),
            users.EnumerateArray().Select(u => u.GetProperty("objectId").GetString()));
        Assert.Equal(TimeSpan.Zero, Host.Clock.Offset);
        Assert.Equal("login_required", silent!["error"]);
    }

    [Theory]
    [InlineData("POST", "users", "null")]
    [InlineData("POST", "users", """{"objectId":"7d4c2b1a-0e9f-4a8b-b7c6-d5e4f3a2b1c0","userPrincipalName":"x@hybridspa.onmicrosoft.com","displayName":"X","messages":null}""")]
    [InlineData("PATCH", "users/" + TestUsers.Adele, """{"contacts":null}""")]
    [InlineData("PATCH", "users/" + TestUsers.Adele, """{"displayName":null}""")]
    [InlineData("PATCH", "users/" + TestUsers.Adele, """{"objectId":null}""")]
    [InlineData("PATCH", "users/" + TestUsers.Adele, "[1,2]")]
    [InlineData("POST", "applications", """{"clientId":"not-a-guid"}""")]
    [InlineData("POST", "clock/advance", """{"by":"soon"}""")]
    [InlineData("PUT", "clock", "{}")]
    public async Task Unusable_bodies_are_a_400_and_change_nothing(string method, string path, string body)
    {
        var before = JsonSerializer.Serialize(Host.Options);

        var (status, error) = await Control.SendAsync(method, path, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BadRequest", error.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(before, JsonSerializer.Serialize(Host.Options));
    }

    [Fact]
    public async Task Browser_requests_and_bodies_that_are_not_json_are_refused()
    {
        var (fromPage, _) = await Control.SendAsync("POST", "reset", configure: r => r.Headers.Add("Origin", "https://evil.example"));
        var (form, _) = await Control.SendAsync("POST", "clock/advance", configure: r => r.Content = new FormUrlEncodedContent([new("by", "01:00:00")]));

        Assert.Equal(HttpStatusCode.Forbidden, fromPage);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form);
    }

    [Fact]
    public void Callers_that_are_not_loopback_are_refused()
    {
        var guard = new ControlSurfaceGuard(new HostingEnvironment { EnvironmentName = "Development" }, new ControlSurfaceCredential("control-token"));
        var remote = new DefaultHttpContext();
        remote.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.10");
        remote.Request.Headers.Authorization = "Bearer control-token";
        var local = new DefaultHttpContext();
        local.Connection.RemoteIpAddress = IPAddress.IPv6Loopback;
        local.Request.Headers.Authorization = "Bearer control-token";

        Assert.Equal(403, guard.Check(remote, hasBody: false)?.Status);
        Assert.Null(guard.Check(local, hasBody: false));
    }

    [Fact]
    public async Task In_process_reset_undoes_changes_made_through_the_options()
    {
        await using var host = await EntraEmulatorHost.StartAsync(EntraEmulatorOptions.CreateDefault(), new EntraEmulatorHostSettings { EnvironmentName = "Development" });
        var users = host.Options.Users;
        TestUsers.AddUser(host);
        host.Clock.Advance(TimeSpan.FromHours(1));

        host.Reset();

        Assert.Same(users, host.Options.Users);
        Assert.Equal(3, host.Options.Users.Count);
        Assert.Equal(TimeSpan.Zero, host.Clock.Offset);
    }
}
