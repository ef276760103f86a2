using System.Net;
using System.Text.Json;
using HybridSpa.EntraEmulator;
using HybridSpa.Web.Tests.Infrastructure;
using HybridSpa.Web.Tests.Integration;
using HybridSpa.Web.Tests.SignIn;

namespace HybridSpa.Web.Tests.ScaleOut;

/// <summary>The journey: one user, two instances on PostgreSQL, a restart of both, and a database outage.</summary>
[Collection(PostgresTests.Name)]
public sealed class TwoInstanceTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Sign_in_on_A_is_served_by_B_survives_a_restart_of_both_and_a_database_outage()
    {
        await using var instances = await TwoInstances.StartAsync(cluster, EntraEmulatorOptions.CreateDefault());
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

        // B calls Graph with the token A's sign-in put in the shared MSAL cache.
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

        // Another browser is at the emulator when the database goes away.
        using var late = instances.CreateDriver();
        var (formPost, _) = await late.AuthorizeAsync(late.AssertChallenge(await late.App.GetAsync("/")), EmulatorSignInDriver.Adele);

        // PostgreSQL down: a clear 503 page, no stack trace, and the instances stay up.
        await cluster.StopAsync();
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
            Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Npgsql", html, StringComparison.Ordinal);
            await AssertHealthAsync(onNewA, HttpStatusCode.ServiceUnavailable, "Unhealthy", "Unreachable");
        }
        finally
        {
            await cluster.StartAsync();
        }

        // PostgreSQL back: both instances recover by themselves, and nothing stored before the outage was lost.
        var recovered = await onNewB.GetAsync("/");
        Assert.True(recovered.StatusCode == HttpStatusCode.OK, $"{(int)recovered.StatusCode}: {await recovered.Content.ReadAsStringAsync()}");
        Assert.Equal(first.LoginHint, (await SignInFlowTests.BootstrapOf(recovered)).LoginHint);
        await AssertProfileAsync(onNewA, EmulatorSignInDriver.AdeleDisplayName);
        await AssertHealthAsync(onNewA, HttpStatusCode.OK, "Healthy", "Ready");
    }

    [Fact]
    public async Task Instances_started_while_the_database_is_down_answer_503_and_recover_by_themselves()
    {
        await cluster.StopAsync();
        try
        {
            await using var instances = await TwoInstances.StartAsync(cluster, EntraEmulatorOptions.CreateDefault());
            using var driver = instances.CreateDriver();

            // The sign-in challenge needs the key ring to protect its state: 503, not a crash and not a 500.
            var down = await driver.App.GetAsync("/");
            Assert.True(down.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)down.StatusCode}: {await down.Content.ReadAsStringAsync()}");
            await AssertHealthAsync(driver.App, HttpStatusCode.ServiceUnavailable, "Unhealthy", "Unreachable");

            await cluster.StartAsync();
            await driver.SignInToHomeAsync(EmulatorSignInDriver.Adele);
            Assert.False(string.IsNullOrEmpty((await driver.HomeBootstrapAsync()).SpaCode));
            await AssertHealthAsync(driver.App, HttpStatusCode.OK, "Healthy", "Ready");
        }
        finally
        {
            if (!cluster.IsRunning)
            {
                await cluster.StartAsync();
            }
        }
    }

    [Fact]
    public async Task An_empty_database_that_comes_up_after_the_instances_gets_its_schema_and_serves_them()
    {
        var database = await cluster.CreateDatabaseAsync("empty_" + Guid.NewGuid().ToString("N"));
        await cluster.StopAsync();
        try
        {
            await using var instances = await TwoInstances.StartAsync(cluster, EntraEmulatorOptions.CreateDefault(), database);
            using var driver = instances.CreateDriver();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await driver.App.GetAsync("/")).StatusCode);

            // No table exists yet: the instances create the schema themselves once the database answers.
            await cluster.StartAsync();
            await WaitUntilHealthyAsync(driver.App);
            await driver.SignInToHomeAsync(EmulatorSignInDriver.Adele);

            using var onB = driver.App.Via(instances.B.CreateBrowserClient());
            Assert.False(string.IsNullOrEmpty((await SignInFlowTests.BootstrapOf(await onB.GetAsync("/"))).SpaCode));
            await AssertProfileAsync(onB, EmulatorSignInDriver.AdeleDisplayName);
        }
        finally
        {
            if (!cluster.IsRunning)
            {
                await cluster.StartAsync();
            }
        }
    }

    internal static async Task AssertProfileAsync(Browser browser, string displayName)
    {
        var profile = await browser.GetAsync("/profile");
        var html = await profile.Content.ReadAsStringAsync();
        Assert.True(profile.StatusCode == HttpStatusCode.OK, $"{(int)profile.StatusCode} {profile.Headers.Location}: {html}");
        Assert.Contains($"<dd id=\"profile-name\">{displayName}</dd>", html, StringComparison.Ordinal);
    }

    /// <summary>Polls /health until the cache is Ready: the schema is created by a background retry (every 5 s).</summary>
    private static async Task WaitUntilHealthyAsync(Browser browser)
    {
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

    private static async Task AssertHealthAsync(Browser browser, HttpStatusCode status, string overall, string cacheState)
    {
        var response = await browser.GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        Assert.Equal(overall, json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Postgres", json.RootElement.GetProperty("cache").GetProperty("provider").GetString());
        Assert.Equal(cacheState, json.RootElement.GetProperty("cache").GetProperty("state").GetString());
    }
}
