using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace HybridSpa.EntraEmulator.Tool.Tests;

/// <summary>The installed <c>entra-emulator</c> started as another team's CI starts it, trusted through the certificate it exports.</summary>
[Collection(InstalledToolGroup.Name)]
public sealed class ToolPackageTests(InstalledTool tool)
{
    private const string TenantId = "0c8f3a52-6b1d-4e7a-9f20-3d5c7e9a1b24";
    private static readonly TimeSpan StartBound = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Packed_tool_installs_from_a_folder_feed_and_serves_discovery_over_https_with_the_same_options_as_dotnet_run()
    {
        var certificatePath = Path.Combine(tool.Root, "emulator.pem");
        var configPath = Path.Combine(tool.Root, "emulator.json");
        var tokenPath = Path.Combine(tool.Root, "emulator.token");
        await File.WriteAllTextAsync(configPath, $$"""
            { "EntraEmulator": { "TenantId": "{{TenantId}}",
              "Applications": [{ "ClientId": "5e0b7a41-2c9d-4f83-a6e1-8b7d2c4f9a10", "DisplayName": "Another team's app",
                                 "WebRedirectUris": ["https://localhost:7001/signin-oidc"] }],
              "Users": [{ "ObjectId": "b3f1c2d4-5a6e-4b7c-8d9e-0f1a2b3c4d5e", "UserPrincipalName": "tester@other.onmicrosoft.com", "DisplayName": "Tester" }] } }
            """);

        var port = InstalledTool.FreePort();
        var (process, authorityLine) = await ToolProcess.StartAsync(
            tool.Command,
            ["--Host", "localhost", "--Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--config", configPath,
             "--EnableControlSurface", "true", "--ExportCertificate", certificatePath, "--ControlSurfaceTokenFile", tokenPath],
            tool.Root, new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Development" }, "Authority:", StartBound);
        using (process)
        {
            using var certificate = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(certificatePath));
            using var client = new HttpClient(InstalledTool.TrustingOnly(certificate)) { Timeout = TimeSpan.FromMinutes(1) };

            using var discovery = await client.GetAsync(new Uri($"https://localhost:{port}/{TenantId}/v2.0/.well-known/openid-configuration"));
            using var json = JsonDocument.Parse(await discovery.Content.ReadAsStringAsync());
            using var controlRequest = new HttpRequestMessage(HttpMethod.Get, new Uri($"https://localhost:{port}/emulator/clock"));
            controlRequest.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await File.ReadAllTextAsync(tokenPath));
            using var control = await client.SendAsync(controlRequest);

            Assert.Equal($"Authority:  https://localhost:{port}/{TenantId}/", authorityLine);
            Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
            Assert.Equal($"https://localhost:{port}/{TenantId}/v2.0", json.RootElement.GetProperty("issuer").GetString());
            Assert.Equal(HttpStatusCode.OK, control.StatusCode);
        }
    }
}
