using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace HybridSpa.EntraEmulator.Tool.Tests;

/// <summary>
/// The emulator as other teams get it: packed by <c>dotnet pack src/HybridSpa.EntraEmulator</c>, installed from a folder feed
/// into a tool path, started as <c>entra-emulator</c> outside this repository, trusted through the certificate it exports.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
    private const string TenantId = "0c8f3a52-6b1d-4e7a-9f20-3d5c7e9a1b24";
    private static readonly TimeSpan BuildBound = TimeSpan.FromMinutes(6);
    private static readonly TimeSpan StartBound = TimeSpan.FromMinutes(2);
    private readonly string _root = Directory.CreateTempSubdirectory("entra-emulator-tool-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Packed_tool_installs_from_a_folder_feed_and_serves_discovery_over_https_with_the_same_options_as_dotnet_run()
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var feed = Path.Combine(_root, "feed");
        var tools = Path.Combine(_root, "tools");
        var certificatePath = Path.Combine(_root, "emulator.pem");
        var configPath = Path.Combine(_root, "emulator.json");
        await File.WriteAllTextAsync(configPath, $$"""
            { "EntraEmulator": { "TenantId": "{{TenantId}}",
              "Applications": [{ "ClientId": "5e0b7a41-2c9d-4f83-a6e1-8b7d2c4f9a10", "DisplayName": "Another team's app",
                                 "WebRedirectUris": ["https://localhost:7001/signin-oidc"] }],
              "Users": [{ "ObjectId": "b3f1c2d4-5a6e-4b7c-8d9e-0f1a2b3c4d5e", "UserPrincipalName": "tester@other.onmicrosoft.com", "DisplayName": "Tester" }] } }
            """);

        // Its own artifacts path and package folder: no clash with builds of the repository, and never a stale cached package.
        var isolated = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_root, "packages"), ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" };
        await ToolProcess.RunAsync(dotnet, ["pack", EmulatorProject(), "-o", feed, "--artifacts-path", Path.Combine(_root, "artifacts")], _root, new Dictionary<string, string>(), BuildBound);
        await ToolProcess.RunAsync(dotnet, ["tool", "install", "HybridSpa.EntraEmulator", "--tool-path", tools, "--add-source", feed], _root, isolated, BuildBound);

        var port = FreePort();
        var (process, authorityLine) = await ToolProcess.StartAsync(
            Path.Combine(tools, OperatingSystem.IsWindows() ? "entra-emulator.exe" : "entra-emulator"),
            ["--Host", "localhost", "--Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--config", configPath,
             "--EnableControlSurface", "true", "--ExportCertificate", certificatePath],
            _root, new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Development" }, "Authority:", StartBound);
        using (process)
        {
            using var certificate = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(certificatePath));
            using var client = new HttpClient(TrustingOnly(certificate)) { Timeout = TimeSpan.FromMinutes(1) };

            using var discovery = await client.GetAsync(new Uri($"https://localhost:{port}/{TenantId}/v2.0/.well-known/openid-configuration"));
            using var json = JsonDocument.Parse(await discovery.Content.ReadAsStringAsync());
            using var control = await client.GetAsync(new Uri($"https://localhost:{port}/emulator/clock"));

            Assert.Equal($"Authority:  https://localhost:{port}/{TenantId}/", authorityLine);
            Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
            Assert.Equal($"https://localhost:{port}/{TenantId}/v2.0", json.RootElement.GetProperty("issuer").GetString());
            Assert.Equal(HttpStatusCode.OK, control.StatusCode);
        }
    }

    /// <summary>Trusts exactly the certificate the tool exported, as a CI job would after reading the file.</summary>
    private static SocketsHttpHandler TrustingOnly(X509Certificate2 certificate)
    {
        var expected = certificate.RawData;
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(expected);
        return handler;
    }

    private static string EmulatorProject()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var project = Path.Combine(directory.FullName, "src", "HybridSpa.EntraEmulator", "HybridSpa.EntraEmulator.csproj");
            if (File.Exists(project))
            {
                return project;
            }
        }

        throw new InvalidOperationException("src/HybridSpa.EntraEmulator not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
