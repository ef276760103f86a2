using System.Net;
using System.Text.Json;
using HybridSpa.Web.Http;
using HybridSpa.Web.IdentityProvider;
using HybridSpa.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HybridSpa.Web.Tests.IdentityProvider;

/// <summary>While the identity provider does not answer, users get a 503 page at once and /health says Degraded; then it recovers.</summary>
public sealed class UnreachableIdentityProviderTests
{
    // The configured break (15 s) plus the health check's cache (5 s), with room to spare.
    private static readonly TimeSpan PastTheBreak = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Refused_connections_get_the_503_page_until_the_identity_provider_answers_again()
    {
        using var factory = new OutageFactory();
        using var browser = factory.CreateBrowser();
        factory.Outage.Kind = OutageKind.RefusesConnections;

        await AssertUnavailableUntilTheCircuitOpensAsync(factory, browser);
        await AssertRecoversAsync(factory, browser);
    }

    [Fact]
    public async Task A_hanging_identity_provider_times_out_into_the_503_page_until_it_answers_again()
    {
        using var factory = new OutageFactory();
        factory.Settings["IdentityProvider:Timeout"] = "00:00:01";
        using var browser = factory.CreateBrowser();
        factory.Outage.Kind = OutageKind.Hangs;

        await AssertUnavailableUntilTheCircuitOpensAsync(factory, browser);
        await AssertRecoversAsync(factory, browser);
    }

    [Fact]
    public async Task While_the_circuit_is_open_an_anonymous_visit_gets_the_503_page_not_a_redirect_to_the_identity_provider()
    {
        using var factory = new OutageFactory();
        using var browser = factory.CreateBrowser();
        AuthorizeRequest.From(await browser.GetAsync("/")); // the metadata is fetched and cached while it answers
        factory.Outage.Kind = OutageKind.RefusesConnections;

        // Token requests fail at the callback until the breaker opens; the challenge itself needs no call (cached metadata).
        for (var attempt = 0; attempt < 3 * OutageFactory.MinimumThroughput; attempt++)
        {
            var challenge = await browser.GetAsync("/");
            if (challenge.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                break;
            }

            var authorize = AuthorizeRequest.From(challenge);
            await AssertUnavailablePageAsync(await SignInDriver.CallbackAsync(browser, ("code", SignInDriver.NewCode()), ("state", authorize.State)));
        }

        using var anonymous = factory.CreateBrowser();
        var callsBefore = factory.Outage.FailedCalls;
        await AssertUnavailablePageAsync(await anonymous.GetAsync("/"));
        Assert.Equal(callsBefore, factory.Outage.FailedCalls);

        // Once the break is over, sign-in redirects again (the callback will tell whether it answers).
        factory.Outage.Kind = OutageKind.None;
        factory.Clock.Advance(PastTheBreak);
        AuthorizeRequest.From(await anonymous.GetAsync("/"));
    }

    [Fact]
    public async Task Token_request_refused_at_the_callback_gets_the_503_page_not_a_sign_in_error()
    {
        using var factory = new OutageFactory();
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);
        factory.Outage.Kind = OutageKind.RefusesConnections;

        var callback = await SignInDriver.CallbackAsync(browser, ("code", SignInDriver.NewCode()), ("state", authorize.State));

        await AssertUnavailablePageAsync(callback);
    }

    [Fact]
    public async Task Token_acquisition_for_graph_refused_gets_the_503_page_not_a_sign_in_challenge()
    {
        using var factory = new OutageFactory();
        using var browser = factory.CreateBrowser();
        var callback = await SignInDriver.SignInAsync(factory, browser, TestUser.Create());
        Assert.True(browser.LastSetCookies.Any(c => c.Name == SignInDriver.AuthCookie), $"Not signed in: {callback.Headers.Location}");
        factory.Outage.Kind = OutageKind.RefusesConnections;

        // Mail.Read is not in the cache: MSAL.NET must reach the token endpoint with the refresh token.
        var response = await browser.GetAsync("/profile/mail");

        await AssertUnavailablePageAsync(response);
    }

    [Fact]
    public async Task Failing_calls_to_another_host_do_not_open_the_identity_providers_circuit()
    {
        // MSAL.NET asks login.microsoftonline.com about an authority it does not know (instance discovery) and goes on without
        // an answer. With the emulator as the identity provider and no internet (the production topology), that host fails.
        using var factory = new OutageFactory();
        using var browser = factory.CreateBrowser();
        factory.Outage.Kind = OutageKind.RefusesConnections;
        factory.Outage.OnlyHost = "login.microsoftonline.com";
        var identityProviderClient = factory.Services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientNames.IdentityProvider);

        for (var call = 0; call < 3 * OutageFactory.MinimumThroughput; call++)
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => identityProviderClient.GetAsync(new Uri("https://login.microsoftonline.com/common/discovery/instance?api-version=1.1")));
        }

        Assert.False(factory.Services.GetRequiredService<IdentityProviderCircuit>().IsOpen);
        var callback = await SignInDriver.SignInAsync(factory, browser, TestUser.Create());
        Assert.True(browser.LastSetCookies.Any(c => c.Name == SignInDriver.AuthCookie), $"Not signed in: {callback.StatusCode} {callback.Headers.Location}");
    }

    private static async Task AssertUnavailableUntilTheCircuitOpensAsync(OutageFactory factory, Browser browser)
    {
        for (var attempt = 0; attempt < OutageFactory.MinimumThroughput; attempt++)
        {
            await AssertUnavailablePageAsync(await browser.GetAsync("/"));
        }

        // The circuit is open: the next sign-in gets the page without calling the identity provider at all.
        var callsBefore = factory.Outage.FailedCalls;
        await AssertUnavailablePageAsync(await browser.GetAsync("/"));
        Assert.Equal(callsBefore, factory.Outage.FailedCalls);

        var health = await HealthAsync(browser);
        Assert.Equal(HttpStatusCode.OK, health.Status);
        Assert.Equal("Degraded", health.Json.GetProperty("status").GetString());
        Assert.Equal("Degraded", health.Json.GetProperty("identityProvider").GetProperty("status").GetString());
        Assert.Equal("Unreachable", health.Json.GetProperty("identityProvider").GetProperty("state").GetString());
    }

    private static async Task AssertRecoversAsync(OutageFactory factory, Browser browser)
    {
        factory.Outage.Kind = OutageKind.None;
        factory.Clock.Advance(PastTheBreak);

        var health = await HealthAsync(browser);
        Assert.Equal("Healthy", health.Json.GetProperty("status").GetString());
        Assert.Equal("Reachable", health.Json.GetProperty("identityProvider").GetProperty("state").GetString());
        AuthorizeRequest.From(await browser.GetAsync("/"));
    }

    private static async Task AssertUnavailablePageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(15), response.Headers.RetryAfter?.Delta);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("The identity provider cannot be reached right now", page, StringComparison.Ordinal);
        Assert.Matches("<dt>Request id</dt><dd><code>[^<]+</code></dd>", page);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Json)> HealthAsync(Browser browser)
    {
        var response = await browser.GetAsync("/health");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.Clone());
    }

    /// <summary>The app with an identity provider that can be taken down, a breaker that opens after two failures, and a clock to skip its break.</summary>
    private sealed class OutageFactory : HybridSpaFactory
    {
        public const int MinimumThroughput = 2;

        public OutageFactory()
        {
            Outage = new IdentityProviderOutage(Idp);
            Settings["IdentityProvider:CircuitBreaker:MinimumThroughput"] = MinimumThroughput.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public IdentityProviderOutage Outage { get; }

        public AdjustableClock Clock { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.AddHttpClient(HttpClientNames.IdentityProvider).ConfigurePrimaryHttpMessageHandler(() => Outage);
            });
        }
    }
}
