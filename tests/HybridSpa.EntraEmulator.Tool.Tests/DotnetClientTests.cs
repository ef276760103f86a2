using System.Net;
using System.Text.Json;
using Microsoft.Identity.Client;

namespace HybridSpa.EntraEmulator.Tool.Tests;

/// <summary>
/// A .NET client on a machine with nothing configured (no hosts entry, no DNS for *.localhost, no connect helper) reaches the
/// installed tool at its default origin; MSAL.NET stays offline when told to skip instance discovery.
/// </summary>
[Collection(InstalledToolGroup.Name)]
public sealed class DotnetClientTests(InstalledTool tool)
{
    private const string ClientId = "c2b7e3a9-4f1d-4b6e-9a8c-5d3e2f1a0b7c";
    private const string ClientSecret = "hybridspa-emulator-secret";
    private const string GraphDefault = "https://graph.microsoft.com/.default";

    [Fact]
    public async Task Plain_HttpClient_reaches_the_printed_default_authority_with_only_the_certificate_trusted()
    {
        using var emulator = await tool.StartAsync();
        using var client = new HttpClient(InstalledTool.TrustingOnly(emulator.Certificate));

        using var discovery = await client.GetAsync(new Uri($"{emulator.Authority}v2.0/.well-known/openid-configuration"));

        Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
        Assert.StartsWith("https://localhost:", emulator.Authority, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Msal_with_instance_discovery_off_gets_a_client_credentials_token_without_asking_login_microsoftonline_com()
    {
        using var emulator = await tool.StartAsync();

        var (result, error, hosts) = await AcquireTokenForClientAsync(emulator, msal => msal.WithAuthority(emulator.Authority).WithInstanceDiscovery(false));

        Assert.Null(error);
        Assert.False(string.IsNullOrEmpty(result?.AccessToken));
        Assert.All(hosts, host => Assert.Equal("localhost", host));
    }

    [Fact]
    public async Task Msal_with_instance_discovery_metadata_for_the_emulator_stays_offline()
    {
        using var emulator = await tool.StartAsync();
        var host = new Uri(emulator.Authority).Host; // MSAL.NET matches the host name, without the port
        var metadata = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["tenant_discovery_endpoint"] = $"{emulator.Authority}v2.0/.well-known/openid-configuration",
            ["api-version"] = "1.1",
            ["metadata"] = new[] { new Dictionary<string, object> { ["preferred_network"] = host, ["preferred_cache"] = host, ["aliases"] = new[] { host } } },
        });

        // MSAL.NET requires authority validation off with custom metadata.
        var (result, error, hosts) = await AcquireTokenForClientAsync(emulator, msal => msal.WithAuthority(emulator.Authority, validateAuthority: false).WithInstanceDiscoveryMetadata(metadata));

        Assert.Null(error);
        Assert.False(string.IsNullOrEmpty(result?.AccessToken));
        Assert.All(hosts, h => Assert.Equal("localhost", h));
    }

    [Fact]
    public async Task Msal_with_default_instance_discovery_asks_login_microsoftonline_com_first()
    {
        using var emulator = await tool.StartAsync();

        var (_, _, hosts) = await AcquireTokenForClientAsync(emulator, msal => msal.WithAuthority(emulator.Authority));

        Assert.Equal("login.microsoftonline.com", hosts[0]);
    }

    /// <summary>
    /// AcquireTokenForClient with the development app's secret and an HttpClient that refuses every non-loopback host; returns
    /// the result or the error MSAL gave up with, and every host MSAL asked, in order.
    /// </summary>
    private static async Task<(AuthenticationResult? Result, MsalException? Error, IReadOnlyList<string> Hosts)> AcquireTokenForClientAsync(
        RunningTool emulator, Func<ConfidentialClientApplicationBuilder, ConfidentialClientApplicationBuilder> authority)
    {
        using var offline = new OfflineHttpClientFactory(emulator);
        var msal = authority(ConfidentialClientApplicationBuilder.Create(ClientId).WithClientSecret(ClientSecret)).WithHttpClientFactory(offline).Build();
        try
        {
            return (await msal.AcquireTokenForClient([GraphDefault]).ExecuteAsync(), null, offline.Hosts);
        }
        catch (MsalException e)
        {
            return (null, e, offline.Hosts);
        }
    }

    /// <summary>MSAL's HttpClient: trusts exactly the emulator's certificate, records every host asked, and refuses any that is not loopback.</summary>
    private sealed class OfflineHttpClientFactory : IMsalHttpClientFactory, IDisposable
    {
        private readonly HttpClient _client;
        private readonly Recorder _recorder;

        public OfflineHttpClientFactory(RunningTool emulator)
        {
            _recorder = new Recorder { InnerHandler = InstalledTool.TrustingOnly(emulator.Certificate) };
            _client = new HttpClient(_recorder);
        }

        public IReadOnlyList<string> Hosts => _recorder.Hosts;

        public HttpClient GetHttpClient() => _client;

        public void Dispose() => _client.Dispose();

        private sealed class Recorder : DelegatingHandler
        {
            private readonly List<string> _hosts = [];

            public IReadOnlyList<string> Hosts
            {
                get
                {
                    lock (_hosts)
                    {
                        return [.. _hosts];
                    }
                }
            }

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var host = request.RequestUri!.Host;
                lock (_hosts)
                {
                    _hosts.Add(host);
                }

                return host == "localhost"
                    ? base.SendAsync(request, cancellationToken)
                    : throw new HttpRequestException($"Offline: this test allows no request to {host}.");
            }
        }
    }
}
