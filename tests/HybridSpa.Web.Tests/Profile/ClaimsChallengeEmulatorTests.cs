using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using HybridSpa.EntraEmulator;
using HybridSpa.Web.Tests.Integration;
using Microsoft.AspNetCore.WebUtilities;

namespace HybridSpa.Web.Tests.Profile;

/// <summary>
/// Claims challenges through the real emulator: a revoked session (CAE) on <c>/profile</c>, Graph's authentication context on
/// <c>/profile/mail</c>, and the mail page's own step-up setting; each ends with the page rendered.
/// </summary>
public sealed class ClaimsChallengeEmulatorTests(ClaimsChallengeEmulatorFixture fixture) : IClassFixture<ClaimsChallengeEmulatorFixture>
{
    [Fact]
    public async Task A_revoked_session_makes_graph_challenge_the_cp1_token_and_after_signing_in_again_the_profile_renders()
    {
        using var driver = fixture.CreateDriver(fixture.Web);
        await driver.SignInToHomeAsync(EmulatorSignInDriver.Adele);
        Assert.Equal(HttpStatusCode.OK, (await driver.App.GetAsync("/profile")).StatusCode);
        fixture.Emulator.Clock.Advance(TimeSpan.FromSeconds(1));

        await fixture.ControlAsync(HttpMethod.Post, $"users/{EmulatorSignInDriver.Adele}/revokeSignInSessions");
        var challenge = await driver.App.GetAsync("/profile");

        // Graph challenges only CAE-capable tokens: the server's token carried xms_cc cp1.
        var authorize = driver.AssertChallenge(challenge);
        Assert.Contains("\"nbf\"", ClaimsOf(authorize), StringComparison.Ordinal);
        var page = await FollowAsync(driver, authorize);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(EmulatorSignInDriver.AdeleDisplayName, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graphs_authentication_context_challenge_on_the_mail_page_steps_up_and_the_page_renders()
    {
        using var driver = fixture.CreateDriver(fixture.Web);
        await driver.SignInToHomeAsync(EmulatorSignInDriver.Adele);
        await fixture.ControlAsync(HttpMethod.Patch, $"applications/{DevelopmentDefaults.ClientId}", """{"graphAuthenticationContexts":{"/v1.0/me/messages":"c1"}}""");
        try
        {
            // Graph's challenge for c1 on /me/messages, after the consent for Mail.Read when this user has not given it yet.
            var page = await driver.App.GetAsync("/profile/mail");
            var claims = new List<string>();
            for (var signIn = 0; signIn < 2 && driver.IsChallenge(page); signIn++)
            {
                claims.Add(ClaimsOf(page.Headers.Location!));
                page = await FollowAsync(driver, page.Headers.Location!);
            }

            Assert.Equal("""{"access_token":{"acrs":{"essential":true,"value":"c1"}}}""", claims.Last());
            Assert.Equal(1, driver.StepUps);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("id=\"profile-messages\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await fixture.ControlAsync(HttpMethod.Patch, $"applications/{DevelopmentDefaults.ClientId}", """{"graphAuthenticationContexts":{}}""");
        }
    }

    [Fact]
    public async Task With_an_authentication_context_configured_the_mail_page_steps_up_before_it_shows_mail()
    {
        using var driver = fixture.CreateDriver(fixture.StepUpWeb);
        await driver.SignInToHomeAsync(EmulatorSignInDriver.Adele);

        var authorize = driver.AssertChallenge(await driver.App.GetAsync("/profile/mail"));

        Assert.Equal("""{"access_token":{"acrs":{"essential":true,"value":"c1"}}}""", ClaimsOf(authorize));
        Assert.Contains("Mail.Read", QueryHelpers.ParseQuery(authorize.Query)["scope"].ToString().Split(' '));
        var page = await FollowAsync(driver, authorize);
        Assert.Equal(1, driver.StepUps);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("id=\"profile-messages\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Stepped up: the next visit renders at once, its silent token request satisfying the claims.
        Assert.Equal(HttpStatusCode.OK, (await driver.App.GetAsync("/profile/mail")).StatusCode);
    }

    [Fact]
    public async Task With_an_authentication_context_configured_the_profile_page_itself_needs_no_step_up()
    {
        using var driver = fixture.CreateDriver(fixture.StepUpWeb);
        await driver.SignInToHomeAsync(EmulatorSignInDriver.Adele);

        Assert.Equal(HttpStatusCode.OK, (await driver.App.GetAsync("/profile")).StatusCode);
        Assert.Equal(0, driver.StepUps);
    }

    /// <summary>The <c>claims</c> of an authorize request (Identity.Web's OnRedirectToIdentityProvider put them there).</summary>
    private static string ClaimsOf(Uri authorize) => QueryHelpers.ParseQuery(authorize.Query)["claims"].ToString();

    /// <summary>Runs the emulator's pages for <paramref name="authorize"/>, posts the code back and follows the app to the page.</summary>
    private static async Task<HttpResponseMessage> FollowAsync(EmulatorSignInDriver driver, Uri authorize)
    {
        var (formPost, _) = await driver.AuthorizeAsync(authorize, EmulatorSignInDriver.Adele);
        var callback = await driver.App.PostFromIdpAsync("/signin-oidc", formPost.Fields);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        return await driver.App.GetAsync(callback.Headers.Location!.OriginalString);
    }
}

/// <summary>One emulator with its control surface, the app against it, and the app with <c>Profile:Mail:AuthenticationContext</c> c1.</summary>
public sealed class ClaimsChallengeEmulatorFixture : IAsyncLifetime
{
    public EntraEmulatorHost Emulator { get; private set; } = null!;

    public EmulatorWebFactory Web { get; private set; } = null!;

    public EmulatorWebFactory StepUpWeb { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await EmulatorWebFixture.StartEmulatorAsync(EntraEmulatorOptions.CreateDefault(), controlSurface: true);
        Web = new EmulatorWebFactory(Emulator);
        StepUpWeb = new EmulatorWebFactory(Emulator);
        StepUpWeb.Settings["Profile:Mail:AuthenticationContext"] = "c1";
    }

    public EmulatorSignInDriver CreateDriver(EmulatorWebFactory web) => new(Emulator, web.CreateBrowser());

    /// <summary>A call to the emulator's control surface, which must succeed.</summary>
    public async Task ControlAsync(HttpMethod method, string path, string? json = null)
    {
        using var client = new HttpClient(Emulator.CreateHttpHandler());
        using var request = new HttpRequestMessage(method, new Uri(Emulator.BaseAddress, "emulator/" + path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Emulator.ControlSurfaceToken);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task DisposeAsync()
    {
        await Web.DisposeAsync();
        await StepUpWeb.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
