using System.Net;
using HybridSpa.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HybridSpa.Web.Tests.Observability;

/// <summary>The Prometheus scrape endpoint: off unless configured, then answered to loopback and configured networks only.</summary>
public sealed class PrometheusEndpointTests
{
    [Fact]
    public async Task Without_configuration_there_is_no_scrape_endpoint()
    {
        using var factory = new ScrapeFactory(enabled: false);

        var response = await factory.ScrapeFromAsync("127.0.0.1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("10.20.30.40")]
    [InlineData("::ffff:10.20.30.40")]
    public async Task Loopback_and_a_configured_network_get_the_apps_metrics(string address)
    {
        using var factory = new ScrapeFactory(enabled: true);

        var response = await factory.ScrapeFromAsync(address);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("hybridspa_identity_provider_circuit_state", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("203.0.113.7")]
    [InlineData("10.21.0.1")]
    [InlineData("2001:db8::1")]
    [InlineData(null)]
    public async Task Any_other_address_gets_404_and_no_metrics(string? address)
    {
        using var factory = new ScrapeFactory(enabled: true);

        var response = await factory.ScrapeFromAsync(address);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("hybridspa_", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_network_stops_the_app_at_startup_naming_the_setting()
    {
        using var factory = new ScrapeFactory(enabled: true);
        factory.Settings["Telemetry:Prometheus:AllowedNetworks:0"] = "10.20.0.0/99";

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Telemetry:Prometheus:AllowedNetworks", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The app with the endpoint on (10.20.0.0/16 allowed). The test server has no socket, so a first middleware gives each
    /// request the client address Kestrel, or forwarded-header processing, would have given it.
    /// </summary>
    private sealed class ScrapeFactory : HybridSpaFactory
    {
        private const string AddressHeader = "X-Test-Client-Address";

        public ScrapeFactory(bool enabled)
        {
            Settings["Telemetry:Prometheus:Enabled"] = enabled ? "true" : "false";
            Settings["Telemetry:Prometheus:AllowedNetworks:0"] = "10.20.0.0/16";
        }

        public async Task<HttpResponseMessage> ScrapeFromAsync(string? address)
        {
            using var client = CreateBrowserClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
            if (address is not null)
            {
                request.Headers.Add(AddressHeader, address);
            }

            return await client.SendAsync(request);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new ClientAddressFromHeader()));
        }

        private sealed class ClientAddressFromHeader : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, nextMiddleware) =>
                {
                    context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(AddressHeader, out var value) ? IPAddress.Parse(value!) : null;
                    return nextMiddleware(context);
                });
                next(app);
            };
        }
    }
}
