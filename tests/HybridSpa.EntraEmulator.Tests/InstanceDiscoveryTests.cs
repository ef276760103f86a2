using System.Net;
using HybridSpa.EntraEmulator.Tests.Support;
using Microsoft.Identity.Client;

namespace HybridSpa.EntraEmulator.Tests;

/// <summary>MSAL.NET with its default instance discovery (validateAuthority on), its HttpClient routed to the emulator, redeems a hybrid code.</summary>
public sealed class InstanceDiscoveryTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private EntraEmulatorHost Host => fixture.Host;

    [Fact]
    public async Task MsalNet_with_default_instance_discovery_redeems_a_hybrid_code_through_the_emulator_routed_http_client()
    {
        var recorder = new RecordingHandler(Host.CreateHttpHandler());
        using var httpClient = new HttpClient(recorder);
        var app = ConfidentialClientApplicationBuilder.Create(DevelopmentDefaults.ClientId)
            .WithClientSecret(DevelopmentDefaults.ClientSecret)
            .WithAuthority(Host.Authority)
            .WithRedirectUri(DevelopmentDefaults.WebRedirectUri)
            .WithHttpClientFactory(new FixedHttpClientFactory(httpClient))
            .Build();
        var (code, request) = await Flows.CodeAsync(Host);

        var result = await MsalServer.RedeemAsync(app, code, request.Pkce);

        Assert.False(string.IsNullOrEmpty(result.SpaAuthCode));
        Assert.Contains(recorder.Requests, r => r.Host == EntraEmulatorConnectivity.InstanceDiscoveryHost && r.AbsolutePath == "/common/discovery/instance");
        Assert.Contains(recorder.Requests, r => r.Authority == Host.BaseAddress.Authority && r.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal));
        Assert.Equal(Host.BaseAddress.Host, result.Account.Environment);
    }

    [Fact]
    public async Task Instance_discovery_through_the_routed_client_refuses_an_authority_that_is_not_the_emulator()
    {
        using var client = new HttpClient(Host.CreateHttpHandler());
        var foreign = Uri.EscapeDataString("https://login.example.com/tenant/oauth2/v2.0/authorize");

        using var response = await client.GetAsync(new Uri($"https://{EntraEmulatorConnectivity.InstanceDiscoveryHost}/common/discovery/instance?api-version=1.1&authorization_endpoint={foreign}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid_instance", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private sealed class RecordingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public List<Uri> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Requests)
            {
                Requests.Add(request.RequestUri!);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class FixedHttpClientFactory(HttpClient client) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => client;
    }
}
