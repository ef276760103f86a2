using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using HybridSpa.EntraEmulator;
using Microsoft.Extensions.DependencyInjection;

namespace HybridSpa.EndToEnd.Tests.Topology;

/// <summary>
/// The local production topology exactly as <c>dotnet run --project src/HybridSpa.AppHost</c> starts it — nginx terminating
/// TLS for https://hybridspa.localhost:{port}, two published instances in Production on Redis, the emulator as its own
/// process — driven through Aspire.Hosting.Testing on free loopback ports and a certificate of the run's own. Started once
/// per collection (it takes a while on two shared cores); tests that stop a process start it again before they end.
/// </summary>
public sealed class TopologyDeployment : IAsyncLifetime
{
    /// <summary>The resource names of the AppHost.</summary>
    public const string Instance1 = "web-1", Instance2 = "web-2", Redis = "redis";

    private static readonly TimeSpan StartupLimit = TimeSpan.FromMinutes(5);
    private readonly string directory = Path.Combine(Path.GetTempPath(), "hybridspa-topology-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, int> instancePorts = [];
    private DistributedApplication? app;

    /// <summary>The certificate nginx and the emulator serve, which the browser profiles trust.</summary>
    public X509Certificate2 Certificate { get; } = LoopbackCertificate.CreateSelfSigned("HybridSpa topology tests", DateTimeOffset.UtcNow, "hybridspa.localhost");

    /// <summary>The public origin, https://hybridspa.localhost:{port}/ (nginx).</summary>
    public Uri PublicOrigin { get; private set; } = null!;

    /// <summary>The emulator's origin, https://localhost:{port}/.</summary>
    public Uri EmulatorOrigin { get; private set; } = null!;

    /// <summary>The topology's prometheus (web UI and HTTP query API), scraping both instances every second.</summary>
    public Uri PrometheusOrigin { get; private set; } = null!;

    /// <summary>The Aspire dashboard's login URL (with its browser token: sensitive, never logged).</summary>
    public Uri DashboardLogin { get; private set; } = null!;

    /// <summary>nginx's access log, one line per request naming the instance that answered.</summary>
    public string AccessLog => Path.Combine(directory, "run", "nginx", "access.log");

    /// <summary>The <c>upstream=</c> value nginx logs for the instance <paramref name="resource"/>.</summary>
    public string UpstreamOf(string resource) => $"127.0.0.1:{instancePorts[resource]}";

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var ports = FreeLoopbackPorts(6);
        PrometheusOrigin = new Uri($"http://127.0.0.1:{ports[5]}/");
        PublicOrigin = new Uri($"https://hybridspa.localhost:{ports[0]}/");
        EmulatorOrigin = new Uri($"https://localhost:{ports[1]}/");
        instancePorts[Instance1] = ports[2];
        instancePorts[Instance2] = ports[3];
        Directory.CreateDirectory(directory);
        var certificate = Path.Combine(directory, "tls.crt");
        var key = Path.Combine(directory, "tls.key");
        await File.WriteAllTextAsync(certificate, Certificate.ExportCertificatePem());
        using (var rsa = Certificate.GetRSAPrivateKey()!)
        {
            await File.WriteAllTextAsync(key, rsa.ExportPkcs8PrivateKeyPem());
        }

        using var startup = new CancellationTokenSource(StartupLimit);
        // The dashboard runs as under `dotnet run`: the instances export their traces to it (TopologyDashboardTests).
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.HybridSpa_AppHost>(
            new DistributedApplicationTestingBuilderOptions { EnableDashboard = true },
        [
            $"--Topology:PublicPort={ports[0]}", $"--Topology:EmulatorPort={ports[1]}",
            $"--Topology:InstancePorts:0={ports[2]}", $"--Topology:InstancePorts:1={ports[3]}", $"--Topology:RedisPort={ports[4]}",
            $"--Topology:PrometheusPort={ports[5]}", "--Topology:ScrapeInterval=00:00:01",
            $"--Topology:StateDirectory={Path.Combine(directory, "run")}",
            $"--Topology:TlsCertificate={certificate}", $"--Topology:TlsCertificateKey={key}",
        ], startup.Token);
        app = await builder.BuildAsync(startup.Token);
        await app.StartAsync(startup.Token);
        await WaitUntilServingAsync(Instance1, startup.Token);
        await WaitUntilServingAsync(Instance2, startup.Token);
        await WaitUntilAsync(() => AnswersAsync(new Uri(PublicOrigin, "health")), "nginx to answer on the public origin", startup.Token);
        await WaitUntilAsync(() => AnswersAsync(new Uri(PrometheusOrigin, "-/ready")), "prometheus to be ready", startup.Token);
        DashboardLogin = await app.GetDashboardUrlAsync(startup.Token);
    }

    /// <summary>Stops a process of the topology the way the orchestrator does (an instance shuts down gracefully).</summary>
    public async Task StopAsync(string resource)
    {
        await ExecuteAsync(resource, KnownResourceCommands.StopCommand);
        if (instancePorts.TryGetValue(resource, out var port))
        {
            using var limit = new CancellationTokenSource(StartupLimit);
            await WaitUntilAsync(async () => !await AcceptsConnectionsAsync(port), $"{resource} to stop listening", limit.Token);
        }
    }

    /// <summary>
    /// Starts a stopped process again and, for an instance, waits until it answers its health endpoint and nginx sends it
    /// requests again (deploy.md's rolling restart: the next instance stops only then).
    /// </summary>
    public async Task StartAsync(string resource)
    {
        await ExecuteAsync(resource, KnownResourceCommands.StartCommand);
        using var limit = new CancellationTokenSource(StartupLimit);
        if (instancePorts.ContainsKey(resource))
        {
            await WaitUntilServingAsync(resource, limit.Token);
            await WaitUntilProxiedAsync(resource, limit.Token);
        }
        else
        {
            await app!.Services.GetRequiredService<ResourceNotificationService>().WaitForResourceAsync(resource, KnownResourceStates.Running, limit.Token);
        }
    }

    /// <summary>Waits until <paramref name="resource"/> (an instance) answers /health with 200: the shared store reachable again.</summary>
    public async Task WaitUntilServingAsync(string resource)
    {
        using var limit = new CancellationTokenSource(StartupLimit);
        await WaitUntilServingAsync(resource, limit.Token);
    }

    /// <summary>The access log's lines so far.</summary>
    public async Task<IReadOnlyList<string>> AccessLogLinesAsync() =>
        File.Exists(AccessLog) ? await File.ReadAllLinesAsync(AccessLog) : [];

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A process may still be flushing a log; a leftover temp folder is harmless.
        }
    }

    private async Task ExecuteAsync(string resource, string command)
    {
        var result = await app!.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, command);
        Assert.True(result.Success, $"{command} {resource}: {result.Message}");
    }

    private Task WaitUntilServingAsync(string resource, CancellationToken cancellationToken) =>
        WaitUntilAsync(() => AnswersAsync(new Uri($"http://{UpstreamOf(resource)}/health")), $"{resource} to answer /health", cancellationToken);

    // A connection the stopped instance refused marked it down for the upstream's fail_timeout: until that ends, nginx sends
    // it nothing, and stopping the other instance meanwhile would leave none. Round-robin probes show when it is back.
    private Task WaitUntilProxiedAsync(string resource, CancellationToken cancellationToken) =>
        WaitUntilAsync(
            async () =>
            {
                var before = (await AccessLogLinesAsync()).Count;
                await AnswersAsync(new Uri(PublicOrigin, "health/live"));
                var probes = TopologySteps.AccessLogLinesAsync(this, before, "GET", "/health/live");
                return (await probes).Any(line => TopologySteps.AnsweredBy(line) == UpstreamOf(resource));
            },
            $"nginx to send {resource} requests again",
            cancellationToken);

    private async Task<bool> AnswersAsync(Uri url)
    {
        using var client = new HttpClient(EntraEmulatorConnectivity.CreateHandler(Certificate)) { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var response = await client.GetAsync(url);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    // Readiness, not speed: polls until true, failing only when the generous limit runs out.
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, CancellationToken cancellationToken)
    {
        while (!await condition())
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The topology did not get {what} within {StartupLimit.TotalMinutes} minutes.");
            }
        }
    }

    private static int[] FreeLoopbackPorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }
}
