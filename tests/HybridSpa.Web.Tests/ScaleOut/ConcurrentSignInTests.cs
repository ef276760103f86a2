using System.Net;
using System.Text.Json;
using HybridSpa.EntraEmulator;
using Browser = HybridSpa.Web.Tests.Infrastructure.Browser;
using HybridSpa.Web.Tests.Integration;
using HybridSpa.Web.Tests.SignIn;
using Microsoft.IdentityModel.JsonWebTokens;

namespace HybridSpa.Web.Tests.ScaleOut;

/// <summary>
/// Many users at once across both instances: no one ever sees another user's code or profile, and nothing fails; many renders of
/// one user at once: the code is shown exactly once. One test body
/// for every store (<see cref="PostgresConcurrentSignInTests"/>, <see cref="RedisConcurrentSignInTests"/>).
/// </summary>
public abstract class ConcurrentSignInTests(ISharedStoreServer store)
{
    private const int UserCount = 50;
    private const int RenderCount = 50;

    [Fact]
    public async Task Fifty_users_signing_in_across_both_instances_at_once_each_get_only_their_own_code_and_profile()
    {
        var users = Enumerable.Range(1, UserCount).Select(i => new TestUser
        {
            ObjectId = Guid.NewGuid().ToString(),
            UserPrincipalName = $"load{i:00}@hybridspa.onmicrosoft.com",
            DisplayName = $"Load Test User {i:00}",
        }).ToList();
        var options = EntraEmulatorOptions.CreateDefault();
        options.Users.AddRange(users);
        await using var instances = await TwoInstances.StartAsync(store, options);

        // Half start on A and come back to B, half the other way round: state, nonce, correlation and session cross instances.
        var journeys = await Task.WhenAll(users.Select((user, i) => SignInAcrossAsync(instances, user, startOnA: i % 2 == 0)));

        Assert.Equal(UserCount, journeys.Select(j => j.SpaCode).Distinct(StringComparer.Ordinal).Count());
        using var redeemer = new HttpClient(instances.Emulator.CreateHttpHandler());
        foreach (var (user, spaCode) in journeys)
        {
            // The code each page rendered is that user's: redeemed like the SPA would, its id_token names the same user.
            using var redemption = await redeemer.SendAsync(MsalBrowserRedemption.Request(instances.TokenEndpoint, spaCode));
            var body = await redemption.Content.ReadAsStringAsync();
            Assert.True(redemption.StatusCode == HttpStatusCode.OK, body);
            using var tokens = JsonDocument.Parse(body);
            var idToken = new JsonWebToken(tokens.RootElement.GetProperty("id_token").GetString());
            Assert.Equal(user.ObjectId, idToken.GetClaim("oid").Value);
        }
    }

    [Fact]
    public async Task Fifty_concurrent_renders_of_one_signed_in_browser_across_both_instances_show_the_code_exactly_once()
    {
        await using var instances = await TwoInstances.StartAsync(store, EntraEmulatorOptions.CreateDefault());
        using var driver = instances.CreateDriver();
        await driver.SignInToHomeAsync(EmulatorSignInDriver.Adele);

        // Fifty tabs of the same browser (the same cookies) ask for the host page at once, half of them on each instance.
        var renders = await Task.WhenAll(Enumerable.Range(0, RenderCount).Select(async i =>
        {
            var instance = i % 2 == 0 ? instances.A : instances.B;
            using var tab = new Browser(instance.CreateBrowserClient(), driver.App.Cookies.ToDictionary(StringComparer.Ordinal));
            var page = await tab.GetAsync("/");
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{(int)page.StatusCode}: {await page.Content.ReadAsStringAsync()}");
            return await SignInFlowTests.BootstrapOf(page);
        }));

        Assert.Single(renders, render => !string.IsNullOrEmpty(render.SpaCode));
        Assert.All(renders, render => Assert.False(string.IsNullOrEmpty(render.LoginHint)));
    }

    // On two cores shared with the rest of the suite, the store may be too slow for a few of fifty sign-ins at once: those
    // get the 503 page, which asks the user to try again. A user who does so must end up signed in like everyone else.
    private const int AttemptsPerUser = 3;

    private static async Task<(TestUser User, string SpaCode)> SignInAcrossAsync(TwoInstances instances, TestUser user, bool startOnA)
    {
        for (var attempt = 1; ; attempt++)
        {
            var journey = await TrySignInAcrossAsync(instances, user, startOnA);
            if (journey is not null || attempt == AttemptsPerUser)
            {
                return journey ?? throw new InvalidOperationException($"{user.DisplayName}: the store answered 503 at all {AttemptsPerUser} attempts.");
            }
        }
    }

    /// <summary>The journey, or null when the callback answered the 503 page (store unavailable; nothing else is accepted).</summary>
    private static async Task<(TestUser User, string SpaCode)?> TrySignInAcrossAsync(TwoInstances instances, TestUser user, bool startOnA)
    {
        using var driver = new EmulatorSignInDriver(instances.Emulator, (startOnA ? instances.A : instances.B).CreateBrowser());
        var start = driver.App;
        using var other = start.Via((startOnA ? instances.B : instances.A).CreateBrowserClient());

        var challenge = await start.GetAsync("/");
        var (formPost, _) = await driver.AuthorizeAsync(driver.AssertChallenge(challenge), user.ObjectId);
        var callback = await other.PostFromIdpAsync("/signin-oidc", formPost.Fields);
        if (callback.StatusCode == HttpStatusCode.ServiceUnavailable && callback.Headers.RetryAfter is not null)
        {
            return null;
        }

        Assert.True(callback.StatusCode == HttpStatusCode.Redirect && callback.Headers.Location?.OriginalString == "/",
            $"Callback answered {(int)callback.StatusCode} {callback.Headers.Location}: {await callback.Content.ReadAsStringAsync()}");

        var first = await SignInFlowTests.BootstrapOf(await start.GetAsync("/"));
        var again = await SignInFlowTests.BootstrapOf(await other.GetAsync("/"));
        Assert.False(string.IsNullOrEmpty(first.SpaCode), $"{user.DisplayName} got no SPA code.");
        Assert.Null(again.SpaCode);
        await TwoInstanceTests.AssertProfileAsync(other, user.DisplayName);
        return (user, first.SpaCode!);
    }
}

/// <summary>Fifty users at once on PostgreSQL.</summary>
[Collection(SharedStoreTests.Name)]
public sealed class PostgresConcurrentSignInTests(PostgresCluster cluster) : ConcurrentSignInTests(cluster);

/// <summary>Fifty users at once on Redis.</summary>
[Collection(SharedStoreTests.Name)]
public sealed class RedisConcurrentSignInTests(RedisServer server) : ConcurrentSignInTests(server);
