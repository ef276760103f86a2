using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;

namespace HybridSpa.EntraEmulator.Tool.Tests;

/// <summary>The installed <c>entra-emulator</c> behaves like a command: help, unknown options, and a start banner a script can use.</summary>
[Collection(InstalledToolGroup.Name)]
public sealed class CommandLineTests(InstalledTool tool)
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);
    private static readonly Dictionary<string, string> Development = new() { ["DOTNET_ENVIRONMENT"] = "Development" };

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_prints_usage_with_every_option_and_exits_without_serving(string help)
    {
        var (exitCode, output) = await ToolProcess.CaptureAsync(tool.Command, [help], tool.Root, Development, Bound);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("entra-emulator:", output, StringComparison.Ordinal);
        foreach (var option in new[] { "--Port", "--Host", "--config", "--EnableControlSurface", "--ControlSurfaceToken", "--ControlSurfaceTokenFile", "--ExportCertificate", "--TlsCertificate", "--TlsCertificateKey", "--TlsCertificatePassword" })
        {
            Assert.Contains(option + " ", output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Authority:  https:", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Prot", "5443")]
    [InlineData("--port5443", "")]
    [InlineData("serve", "")]
    public async Task Unknown_option_is_an_error_that_lists_the_known_options(string option, string value)
    {
        string[] arguments = value.Length > 0 ? [option, value] : [option];

        var (exitCode, output) = await ToolProcess.CaptureAsync(tool.Command, arguments, tool.Root, Development, Bound);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"unknown option '{option}'", output, StringComparison.Ordinal);
        Assert.Contains("--Port, --Host, --config", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Authority:  https:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_banner_names_the_issuer_the_certificate_to_trust_and_the_control_token_which_the_control_surface_requires()
    {
        var port = InstalledTool.FreePort().ToString(CultureInfo.InvariantCulture);
        var certificatePath = Path.Combine(tool.Root, $"banner-{port}.pem");
        var tokenPath = Path.Combine(tool.Root, $"banner-{port}.token");
        var (process, _) = await ToolProcess.StartAsync(tool.Command,
            ["--Host", "localhost", "--Port", port, "--EnableControlSurface", "true", "--ExportCertificate", certificatePath, "--ControlSurfaceTokenFile", tokenPath],
            tool.Root, Development, "Authority:", Bound);
        using (process)
        {
            var banner = process.Output;
            var token = await File.ReadAllTextAsync(tokenPath);
            using var certificate = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(certificatePath));
            using var client = new HttpClient(InstalledTool.TrustingOnly(certificate));
            using var withoutToken = await client.GetAsync(new Uri($"https://localhost:{port}/emulator/users"));
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"https://localhost:{port}/emulator/users"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var withToken = await client.SendAsync(request);

            Assert.Contains($"Issuer:      https://localhost:{port}/{DefaultTenant}/v2.0", banner, StringComparison.Ordinal);
            Assert.Contains($"written to {certificatePath}; trust that file", banner, StringComparison.Ordinal);
            Assert.Contains($"Control token: {token}", banner, StringComparison.Ordinal);
            Assert.True(token.Length >= 32);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenPath));
            }

            Assert.Equal(HttpStatusCode.Unauthorized, withoutToken.StatusCode);
            Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        }
    }

    private const string DefaultTenant = "6a1f4b0e-2d3c-4e5f-8a9b-0c1d2e3f4a5b";
}
