using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace HybridSpa.EntraEmulator.Tool.Tests;

/// <summary>
/// The emulator as other teams get it, once per test class: packed by <c>dotnet pack src/HybridSpa.EntraEmulator</c> into a folder
/// feed and installed from it with <c>dotnet tool install</c> into a tool path, outside this repository.
/// </summary>
public sealed class InstalledTool : IAsyncLifetime
{
    private static readonly TimeSpan BuildBound = TimeSpan.FromMinutes(6);

    /// <summary>A scratch folder the tests run the tool in; deleted afterwards.</summary>
    public string Root { get; } = Directory.CreateTempSubdirectory("entra-emulator-tool-").FullName;

    /// <summary>The folder feed holding the packed <c>.nupkg</c>.</summary>
    public string Feed => Path.Combine(Root, "feed");

    /// <summary>The installed <c>entra-emulator</c> command.</summary>
    public string Command => Path.Combine(Root, "tools", OperatingSystem.IsWindows() ? "entra-emulator.exe" : "entra-emulator");

    /// <summary>The <c>dotnet</c> host the test runs under.</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    public async Task InitializeAsync()
    {
        // Its own artifacts path and package folder: no clash with builds of the repository, and never a stale cached package.
        var isolated = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(Root, "packages"), ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" };
        await ToolProcess.RunAsync(Dotnet, ["pack", EmulatorProject(), "-o", Feed, "--artifacts-path", Path.Combine(Root, "artifacts")], Root, new Dictionary<string, string>(), BuildBound);
        await ToolProcess.RunAsync(Dotnet, ["tool", "install", "HybridSpa.EntraEmulator", "--tool-path", Path.Combine(Root, "tools"), "--add-source", Feed], Root, isolated, BuildBound);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Starts the installed tool (Development environment) on a free port with these arguments, exporting its certificate, and
    /// returns once it printed its authority.
    /// </summary>
    public async Task<RunningTool> StartAsync(params string[] arguments)
    {
        var port = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var certificatePath = Path.Combine(Root, $"emulator-{port}.pem");
        var (process, authorityLine) = await ToolProcess.StartAsync(Command, ["--Port", port, "--ExportCertificate", certificatePath, .. arguments],
            Root, new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Development" }, "Authority:", TimeSpan.FromMinutes(2));
        return new RunningTool(process, authorityLine["Authority:".Length..].Trim(), certificatePath);
    }

    /// <summary>A loopback port free right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Trusts exactly the certificate the tool exported, as a CI job would after reading the file.</summary>
    public static SocketsHttpHandler TrustingOnly(X509Certificate2 certificate)
    {
        var expected = certificate.RawData;
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(expected);
        return handler;
    }

    /// <summary>The repository's directory (found above the test's binaries).</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "src", "HybridSpa.EntraEmulator", "HybridSpa.EntraEmulator.csproj")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("src/HybridSpa.EntraEmulator not found above " + AppContext.BaseDirectory);
    }

    private static string EmulatorProject() => Path.Combine(RepositoryRoot(), "src", "HybridSpa.EntraEmulator", "HybridSpa.EntraEmulator.csproj");
}

/// <summary>The started tool: its process, the authority it printed, and the certificate file it exported.</summary>
public sealed class RunningTool(ToolProcess process, string authority, string certificatePath) : IDisposable
{
    public ToolProcess Process { get; } = process;

    /// <summary>The printed authority, e.g. https://localhost:5443/{tenant}/.</summary>
    public string Authority { get; } = authority;

    public string CertificatePath { get; } = certificatePath;

    public X509Certificate2 Certificate { get; } = X509Certificate2.CreateFromPem(File.ReadAllText(certificatePath));

    public void Dispose()
    {
        Process.Dispose();
        Certificate.Dispose();
    }
}

/// <summary>Every test class that needs the installed tool shares one pack and install.</summary>
[CollectionDefinition(Name)]
public sealed class InstalledToolGroup : ICollectionFixture<InstalledTool>
{
    public const string Name = "installed tool";
}
