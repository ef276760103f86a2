using System.Net;
using System.Text.Json;
using HybridSpa.EntraEmulator;
using HybridSpa.Web.Tests.FrontChannelLogout;
using HybridSpa.Web.Tests.Infrastructure;
using HybridSpa.Web.Tests.Integration;
using HybridSpa.Web.Tests.SignIn;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;

namespace HybridSpa.Web.Tests.ScaleOut;

/// <summary>
/// The scale-out journey, one test body for every store (<see cref="PostgresTwoInstanceTests"/>, <see cref="RedisTwoInstanceTests"/>):
/// one user, two instances, a restart of both, and an outage of the store.
/// </summary>
public abstract class TwoInstanceTests(ISharedStoreServer store)
{
    // What an error page must never show, whichever store failed.
    private static readonly string[] InternalDetails = ["Exception", "Npgsql", "StackExchange", "Redis", "127.0.0.1"];

    [Fact]
    public async Task Sign_in_on_A_is_served_by_B_survives_a_restart_of_both_and_an_outage_of_the_store()
    {
        await using var instances = await TwoInstances.StartAsync(store, EntraEmulatorOptions.CreateDefault());
        using var driver = instances.CreateDriver();
        var onA = driver.App;
        using var onB = onA.Via(instances.B.CreateBrowserClient());

        // Signed in through A: challenge, emulator, callback (token cache and hand-off written by A).
        await driver.SignInToHomeAsync(EmulatorSignInDriver.Adele);

        // B renders the SPA code once; neither instance renders it again.
        var first = await SignInFlowTests.BootstrapOf(await onB.GetAsync("/"));
        Assert.False(string.IsNullOrEmpty(first.SpaCode));
        Assert.False(string.IsNullOrEmpty(first.LoginHint));
        Assert.Null((await SignInFlowTests.BootstrapOf(await onB.GetAsync("/"))).SpaCode);
        Assert.Null((await SignInFlowTests.BootstrapOf(await onA.GetAsync("/"))).SpaCode);

        // B calls Graph with the token A's sign-in put in the shared token cache.
        await AssertProfileAsync(onB, EmulatorSignInDriver.AdeleDisplayName);

        // Both instances restarted: the cookie still decrypts (shared key ring), session and tokens are still there.
        await instances.RestartAsync();
        using var onNewA = onA.Via(instances.A.CreateBrowserClient());
        using var onNewB = onA.Via(instances.B.CreateBrowserClient());
        await AssertProfileAsync(onNewA, EmulatorSignInDriver.AdeleDisplayName);
        var afterRestart = await SignInFlowTests.BootstrapOf(await onNewB.GetAsync("/"));
        Assert.Null(afterRestart.SpaCode);
        Assert.Equal(first.LoginHint, afterRestart.LoginHint);
        await AssertHealthAsync(onNewA, HttpStatusCode.OK, "Healthy", "Ready");

        // Another browser is at the emulator when the store goes away.
        using var late = instances.CreateDriver();
        var (formPost, _) = await late.AuthorizeAsync(late.AssertChallenge(await late.App.GetAsync("/")), EmulatorSignInDriver.Adele);

        // The store down: a clear 503 page, no stack trace, and the instances stay up.
        await store.StopAsync();
        try
        {
            // Its callback cannot store tokens and hand-off: 503 as well, not "sign-in did not complete".
            var callback = await late.App.PostFromIdpAsync("/signin-oidc", formPost.Fields);
            Assert.True(callback.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)callback.StatusCode} {callback.Headers.Location}");

            var down = await onNewB.GetAsync("/");
            var html = await down.Content.ReadAsStringAsync();
            Assert.True(down.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)down.StatusCode}: {html}");
            Assert.Equal(TimeSpan.FromSeconds(30), down.Headers.RetryAfter?.Delta);
            Assert.Contains("Temporarily unavailable", html, StringComparison.Ordinal);
            Assert.All(InternalDetails, detail => Assert.DoesNotContain(detail, html, StringComparison.Ordinal));
            await AssertHealthAsync(onNewA, HttpStatusCode.ServiceUnavailable, "Unhealthy", "Unreachable");
        }
        finally
        {
            await store.StartAsync();
        }

        // The store back: both instances recover by themselves (as their health probes see it), and the session stored before
        // the outage is still there.
        await WaitUntilHealthyAsync(onNewA);
        await WaitUntilHealthyAsync(onNewB);
        var recovered = await onNewB.GetAsync("/");
        Assert.True(recovered.StatusCode == HttpStatusCode.OK, $"{(int)recovered.StatusCode}: {await recovered.Content.ReadAsStringAsync()}");
        Assert.Equal(first.LoginHint, (await SignInFlowTests.BootstrapOf(recovered)).LoginHint);
        await AssertProfileAsync(onNewA, EmulatorSignInDriver.AdeleDisplayName);

        // Fresh instances, with nothing in memory: the token cache itself survived the store's restart, so the user signed in
        // before the outage is still signed in everywhere — not challenged again.
        await instances.RestartAsync();
        using var afterOutageA = onA.Via(instances.A.CreateBrowserClient());
        using var afterOutageB = onA.Via(instances.B.CreateBrowserClient());
        await AssertProfileAsync(afterOutageB, EmulatorSignInDriver.AdeleDisplayName);
        Assert.Equal(first.LoginHint, (await SignInFlowTests.BootstrapOf(await afterOutageA.GetAsync("/"))).LoginHint);
    }

    [Fact]
    public async Task Instances_started_while_the_store_is_down_answer_503_and_recover_by_themselves()
    {
        await store.StopAsync();
        try
        {
            await using var instances = await TwoInstances.StartAsync(store, EntraEmulatorOptions.CreateDefault());
            using var driver = instances.CreateDriver();
            using var onB = driver.App.Via(instances.B.CreateBrowserClient());

            // The sign-in challenge needs the key ring to protect its state: 503, not a crash and not a 500.
            var down = await driver.App.GetAsync("/");
            Assert.True(down.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)down.StatusCode}: {await down.Content.ReadAsStringAsync()}");
            await AssertHealthAsync(driver.App, HttpStatusCode.ServiceUnavailable, "Unhealthy", "Unreachable");

            await store.StartAsync();
            await WaitUntilHealthyAsync(driver.App);
            await WaitUntilHealthyAsync(onB);
            await driver.SignInToHomeAsync(EmulatorSignInDriver.Adele);
            Assert.False(string.IsNullOrEmpty((await SignInFlowTests.BootstrapOf(await onB.GetAsync("/"))).SpaCode));
            await AssertProfileAsync(onB, EmulatorSignInDriver.AdeleDisplayName);
        }
        finally
        {
            if (!store.IsRunning)
            {
                await store.StartAsync();
            }
        }
    }

    [Fact]
    public async Task Sign_out_at_the_identity_provider_reaches_B_and_ends_the_session_A_serves()
    {
        await using var instances = await TwoInstances.StartAsync(store, EntraEmulatorOptions.CreateDefault());
        using var driver = instances.CreateDriver();
        await driver.SignInToHomeAsync(EmulatorSignInDriver.Adele);
        await AssertProfileAsync(driver.App, EmulatorSignInDriver.AdeleDisplayName);
        var homeAccountId = $"{EmulatorSignInDriver.Adele}.{DevelopmentDefaults.TenantId}";
        var sharedStore = instances.B.Services.GetRequiredService<IDistributedCache>();
        Assert.NotNull(await sharedStore.GetAsync(homeAccountId));

        // The user signs out at the emulator; its page frames the app's front-channel logout URL, which the load balancer sends
        // to B, without any of the app's cookies.
        var frame = Assert.Single((await driver.LogOutAtEmulatorAsync(new Uri($"{instances.Emulator.Authority}oauth2/v2.0/logout"))).Frames);
        Assert.Equal(HttpStatusCode.OK, (await FrontChannelLogoutTests.FromIdentityProviderAsync(instances.B, frame.Query)).StatusCode);

        driver.AssertChallenge(await driver.App.GetAsync("/profile"));
        Assert.Null(await sharedStore.GetAsync(homeAccountId));
    }

    internal static async Task AssertProfileAsync(Browser browser, string displayName)
    {
        var profile = await browser.GetAsync("/profile");
        var html = await profile.Content.ReadAsStringAsync();
        Assert.True(profile.StatusCode == HttpStatusCode.OK, $"{(int)profile.StatusCode} {profile.Headers.Location}: {html}");
        Assert.Contains($"<dd id=\"profile-name\"><bdi>{displayName}</bdi></dd>", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// Polls /health until the store is Ready, as a load balancer's probe does before sending traffic back: the instance
    /// reconnects (Redis) or creates the schema (PostgreSQL) in the background.
    /// </summary>
    protected async Task WaitUntilHealthyAsync(Browser browser)
    {
        ArgumentNullException.ThrowIfNull(browser);
        for (var attempt = 0; attempt < 120; attempt++)
        {
            if ((await browser.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        await AssertHealthAsync(browser, HttpStatusCode.OK, "Healthy", "Ready");
    }

    private async Task AssertHealthAsync(Browser browser, HttpStatusCode status, string overall, string cacheState)
    {
        var response = await browser.GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        Assert.Equal(overall, json.RootElement.GetProperty("status").GetString());
        Assert.Equal(store.Provider.ToString(), json.RootElement.GetProperty("cache").GetProperty("provider").GetString());
        Assert.Equal(cacheState, json.RootElement.GetProperty("cache").GetProperty("state").GetString());
    }
}
