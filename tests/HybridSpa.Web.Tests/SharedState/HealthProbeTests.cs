using System.Globalization;
using System.Net;
using System.Text.Json;
using HybridSpa.Web.Http;
using HybridSpa.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HybridSpa.Web.Tests.SharedState;

/// <summary>
/// <c>/health/live</c>, <c>/health/ready</c> and <c>/health</c> for a load balancer: they answer while a dependency hangs,
/// saying which one, instead of hanging with it. (No timed assertion: a generous guard only stops a test that would hang.)
/// </summary>
public sealed class HealthProbeTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Live_answers_healthy_without_asking_any_dependency()
    {
        using var factory = new HybridSpaFactory();
        using var browser = factory.CreateBrowser();

        var (status, json) = await ProbeAsync(browser, "/health/live");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", json.GetProperty("status").GetString());
        Assert.False(json.TryGetProperty("cache", out _));
        Assert.False(json.TryGetProperty("identityProvider", out _));
    }

    [Fact]
    public async Task Ready_reports_the_shared_store_and_the_identity_providers_metadata()
    {
        using var factory = new HybridSpaFactory();
        using var browser = factory.CreateBrowser();

        var (status, json) = await ProbeAsync(browser, "/health/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", json.GetProperty("status").GetString());
        Assert.Equal("InProcess", json.GetProperty("cache").GetProperty("state").GetString());
        Assert.Equal("Reachable", json.GetProperty("identityProvider").GetProperty("state").GetString());
    }

    [Fact]
    public async Task While_the_identity_provider_hangs_every_probe_answers_and_ready_is_degraded_not_down()
    {
        using var factory = new HangingIdentityProviderFactory();
        using var browser = factory.CreateBrowser();

        // Degraded, still 200: signed-in users keep working, and a load balancer must not take every instance out.
        foreach (var json in await ReadyProbesAsync(browser, HttpStatusCode.OK))
        {
            Assert.Equal("Degraded", json.GetProperty("status").GetString());
            Assert.Equal("Degraded", json.GetProperty("identityProvider").GetProperty("status").GetString());
            Assert.Equal("NotAnswering", json.GetProperty("identityProvider").GetProperty("state").GetString());
        }

        Assert.True(factory.Outage.FailedCalls > 0, "The probe never asked the hanging identity provider.");
        Assert.Equal(HttpStatusCode.OK, (await ProbeAsync(browser, "/health/live")).Status);
    }

    [Fact]
    public async Task While_postgres_accepts_connections_and_never_answers_ready_says_the_store_is_not_answering()
    {
        using var postgres = new SilentListener();
        using var factory = new HybridSpaFactory();
        factory.Settings["Cache:Provider"] = "Postgres";
        factory.Settings["Cache:CreateSchema"] = "false";
        factory.Settings["Cache:ConnectionString"] = string.Create(
            CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={postgres.Port};Username=hybridspa;Password=unused;Database=hybridspa;Timeout=10");
        using var browser = factory.CreateBrowser();

        // Npgsql would wait its 10 s connection timeout; the probe does not.
        foreach (var json in await ReadyProbesAsync(browser, HttpStatusCode.ServiceUnavailable))
        {
            Assert.Equal("Unhealthy", json.GetProperty("status").GetString());
            Assert.Equal("Postgres", json.GetProperty("cache").GetProperty("provider").GetString());
            Assert.Equal("NotAnswering", json.GetProperty("cache").GetProperty("state").GetString());
        }

        Assert.True(postgres.Accepted > 0, "The probe never reached the silent PostgreSQL.");
        Assert.Equal(HttpStatusCode.OK, (await ProbeAsync(browser, "/health/live")).Status);
    }

    /// <summary>Both endpoints that ask the dependencies, each answering <paramref name="expected"/>.</summary>
    private static async Task<IReadOnlyList<JsonElement>> ReadyProbesAsync(Browser browser, HttpStatusCode expected)
    {
        var answers = new List<JsonElement>();
        foreach (var path in new[] { "/health/ready", "/health" })
        {
            var (status, json) = await ProbeAsync(browser, path);
            Assert.Equal(expected, status);
            answers.Add(json);
        }

        return answers;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Json)> ProbeAsync(Browser browser, string path)
    {
        using var guard = new CancellationTokenSource(Guard);
        var response = await browser.GetAsync(path).WaitAsync(guard.Token);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(guard.Token));
        return (response.StatusCode, json.RootElement.Clone());
    }

    private sealed class HangingIdentityProviderFactory : HybridSpaFactory
    {
        public HangingIdentityProviderFactory() => Outage = new IdentityProviderOutage(Idp) { Kind = OutageKind.Hangs };

        public IdentityProviderOutage Outage { get; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.AddHttpClient(HttpClientNames.IdentityProvider).ConfigurePrimaryHttpMessageHandler(() => Outage));
        }
    }
}
