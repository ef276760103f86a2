using System.Net;
using System.Text.Json;
using HybridSpa.EntraEmulator;
using HybridSpa.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.IdentityModel.JsonWebTokens;

namespace HybridSpa.Web.Tests.Integration;

/// <summary>The whole server leg over HTTP against the real in-process Entra ID emulator (no doubles).</summary>
public sealed class EmulatorSignInTests(EmulatorWebFixture fixture) : IClassFixture<EmulatorWebFixture>
{
    [Fact]
    public async Task Spa_code_from_the_emulator_is_in_the_first_render_and_absent_from_the_second()
    {
        using var driver = fixture.CreateDriver();
        await driver.SignInToHomeAsync(EmulatorSignInDriver.Adele);

        var first = await driver.HomeBootstrapAsync();
        var second = await driver.HomeBootstrapAsync();

        Assert.False(string.IsNullOrEmpty(first.SpaCode));
        Assert.False(string.IsNullOrEmpty(first.LoginHint));
        Assert.False(first.BootstrapByRedirect);
        Assert.Equal(fixture.Emulator.Authority, first.Authority);
        Assert.Null(second.SpaCode);
        Assert.Equal(first.LoginHint, second.LoginHint);
    }

    [Fact]
    public async Task The_rendered_spa_code_is_redeemable_once_by_the_browser()
    {
        using var driver = fixture.CreateDriver();
        await driver.SignInToHomeAsync(EmulatorSignInDriver.Adele);
        var spaCode = (await driver.HomeBootstrapAsync()).SpaCode!;
        using var client = new HttpClient(fixture.Emulator.CreateHttpHandler());

        using var first = await client.SendAsync(MsalBrowserRedemption.Request(fixture.TokenEndpoint, spaCode));
        using var replay = await client.SendAsync(MsalBrowserRedemption.Request(fixture.TokenEndpoint, spaCode));

        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.True(first.StatusCode == HttpStatusCode.OK, firstBody);
        using (var tokens = JsonDocument.Parse(firstBody))
        {
            Assert.False(string.IsNullOrEmpty(tokens.RootElement.GetProperty("access_token").GetString()));
        }

        Assert.Equal(TestSettings.Origin, first.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("AADSTS54005", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_page_is_served_from_the_token_cache_written_at_sign_in()
    {
        using var driver = fixture.CreateDriver();
        await driver.SignInToHomeAsync(EmulatorSignInDriver.Adele);

        var profile = await driver.App.GetAsync("/profile");

        var html = await profile.Content.ReadAsStringAsync();
        Assert.True(profile.StatusCode == HttpStatusCode.OK, $"{(int)profile.StatusCode} {profile.Headers.Location}: {html}");
        Assert.Contains($"<dd id=\"profile-name\"><bdi>{EmulatorSignInDriver.AdeleDisplayName}</bdi></dd>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consent_for_an_extra_scope_becomes_a_re_challenge()
    {
        using var driver = fixture.CreateDriver();
        await driver.SignInToHomeAsync(EmulatorSignInDriver.Adele);

        var response = await driver.App.GetAsync("/profile/mail");

        var query = QueryHelpers.ParseQuery(driver.AssertChallenge(response).Query);
        Assert.Contains("Mail.Read", query["scope"].ToString().Split(' '));
        // Identity.Web's AuthorizeForScopes names the account by its preferred_username.
        Assert.Equal(EmulatorSignInDriver.AdeleUserPrincipalName, query["login_hint"].ToString());
    }

    [Fact]
    public async Task Sign_out_reaches_the_emulator_and_removes_the_cached_account()
    {
        using var driver = fixture.CreateDriver();
        await driver.SignInToHomeAsync(EmulatorSignInDriver.Adele);
        var bootstrap = await driver.HomeBootstrapAsync();
        Assert.Equal(HttpStatusCode.OK, (await driver.App.GetAsync("/profile")).StatusCode);
        var tokenCache = fixture.Web.Services.GetRequiredService<IDistributedCache>();
        var homeAccountId = $"{EmulatorSignInDriver.Adele}.{DevelopmentDefaults.TenantId}";
        Assert.NotNull(await tokenCache.GetAsync(homeAccountId));

        var response = await driver.App.SignOutAsync(bootstrap.SignOut);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(fixture.EndSessionEndpoint + "?", location.AbsoluteUri, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(TestSettings.Origin + "/signout-callback-oidc", query["post_logout_redirect_uri"].ToString());
        var idTokenHint = new JsonWebToken(query["id_token_hint"].ToString());
        Assert.Equal(EmulatorSignInDriver.Adele, idTokenHint.GetClaim("oid").Value);
        Assert.Equal(fixture.Emulator.Authority + "v2.0", idTokenHint.Issuer);

        // The emulator accepts the end-session request: its page calls the app's front-channel logout URL, then continues to the
        // registered post-logout URI.
        var logout = await driver.LogOutAtEmulatorAsync(location);
        Assert.Equal($"{TestSettings.Origin}/signout-frontchannel?sid={bootstrap.Sid}", Assert.Single(logout.Frames).AbsoluteUri);
        Assert.StartsWith(TestSettings.Origin + "/signout-callback-oidc", logout.ContinueTo!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Null(await tokenCache.GetAsync(homeAccountId));

        // The emulator's session is over: a silent sign-in through the same browser now needs interaction.
        var silent = QueryHelpers.AddQueryString(fixture.AuthorizeEndpoint, new Dictionary<string, string?>
        {
            ["client_id"] = DevelopmentDefaults.ClientId, ["response_type"] = "code", ["redirect_uri"] = DevelopmentDefaults.WebRedirectUri,
            ["response_mode"] = "query", ["scope"] = "openid profile User.Read", ["prompt"] = "none", ["state"] = "s",
        });
        using var afterLogout = await driver.Emulator.GetAsync(silent);
        Assert.Equal(HttpStatusCode.Redirect, afterLogout.StatusCode);
        Assert.Equal("login_required", QueryHelpers.ParseQuery(afterLogout.Headers.Location!.Query)["error"].ToString());

        // Signed out of the app: the cookie is gone, so /profile is a fresh challenge rather than a cached render.
        driver.AssertChallenge(await driver.App.GetAsync("/profile"));
    }

    [Fact]
    public async Task Personal_account_refusal_of_the_spa_code_is_retried_silently_with_prompt_none_on_the_emulator_session()
    {
        using var driver = fixture.CreateDriver();

        var callback = await driver.SignInAsync(EmulatorSignInDriver.Megan);

        Assert.True((int)callback.StatusCode < 500, $"Expected no 5xx, got {(int)callback.StatusCode}.");
        Assert.Equal(2, driver.Authorizations.Count);
        var (first, firstPages) = driver.Authorizations[0];
        var (retry, retryPages) = driver.Authorizations[1];
        Assert.Null(QueryHelpers.ParseQuery(first.Query).GetValueOrDefault("prompt").FirstOrDefault());
        Assert.Equal(1, firstPages);
        var retryQuery = QueryHelpers.ParseQuery(retry.Query);
        Assert.Equal("none", retryQuery["prompt"].ToString());
        Assert.Equal(QueryHelpers.ParseQuery(first.Query)["scope"].ToString(), retryQuery["scope"].ToString());

        // The emulator's session cookie from the first round satisfied prompt=none: a code, no page.
        Assert.Equal(0, retryPages);
    }

    [Fact]
    public async Task Personal_account_still_signs_in_and_the_page_asks_the_spa_to_bootstrap_by_redirect()
    {
        using var driver = fixture.CreateDriver();

        var callback = await driver.SignInAsync(EmulatorSignInDriver.Megan);
        var bootstrap = await driver.HomeBootstrapAsync();

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/", callback.Headers.Location?.OriginalString);
        Assert.True(bootstrap.BootstrapByRedirect);
        Assert.Null(bootstrap.SpaCode);
        Assert.False(string.IsNullOrEmpty(bootstrap.LoginHint));
    }
}
