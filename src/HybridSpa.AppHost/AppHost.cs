using HybridSpa.EntraEmulator;
using Microsoft.Extensions.DependencyInjection;

namespace HybridSpa.AppHost;

// The local production topology (docs/deploy.md): nginx terminating TLS for the public origin, round-robin over two
// instances of the published app (Production, Kestrel on loopback HTTP), their state in Redis, and the Entra ID emulator
// as its own process standing in for Entra. `dotnet run --project src/HybridSpa.AppHost`; Ctrl+C stops all of it.
// A namespaced entry point: the test project that drives it also references the web app, whose Program is global.
internal static class Program
{
    private static void Main(string[] args)
    {
        var builder = DistributedApplication.CreateBuilder(args);
        var topology = TopologySettings.From(builder.Configuration);
        TopologyPrerequisites.Ensure();
        var files = TopologyFiles.Write(topology);

        var redis = builder.AddExecutable("redis", "redis-server", files.RedisDirectory,
                "--bind", "127.0.0.1", "--port", $"{topology.RedisPort}", "--dir", files.RedisDirectory,
                // Durable, as docs/scale-out.md asks of a production Redis: a restart of Redis signs nobody out.
                "--appendonly", "yes", "--appendfsync", "everysec", "--save", "");

        var emulator = builder.AddProject("entra-emulator", Path.Combine(TopologySettings.RepositoryRoot, "src", "HybridSpa.EntraEmulator", "HybridSpa.EntraEmulator.csproj"))
            .WithArgs("--Host", "localhost", "--Port", $"{topology.EmulatorPort}", "--config", files.EmulatorConfiguration,
                "--TlsCertificate", files.TlsCertificate, "--TlsCertificateKey", files.TlsCertificateKey)
            .WithHealthCheck(EmulatorHealthCheck.Name);
        builder.Services.AddHealthChecks().AddCheck(EmulatorHealthCheck.Name, new EmulatorHealthCheck(topology.EmulatorOrigin, files.TlsCertificate));

        var instances = topology.InstancePorts.Select((port, index) => builder
                .AddExecutable($"web-{index + 1}", "dotnet", TopologySettings.PublishedWebAppDirectory, "HybridSpa.Web.dll")
                .WithHttpEndpoint(port: port, isProxied: false)
                .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Production")
                .WithEnvironment("ASPNETCORE_URLS", "http://127.0.0.1:" + port)
                // The public host (through nginx) and loopback (health probes straight to an instance: the AppHost's asks for localhost).
                .WithEnvironment("AllowedHosts", topology.PublicHost + ";localhost;127.0.0.1")
                .WithEnvironment("AzureAd__Instance", topology.EmulatorOrigin.AbsoluteUri)
                .WithEnvironment("AzureAd__TenantId", DevelopmentDefaults.TenantId)
                .WithEnvironment("AzureAd__ClientId", DevelopmentDefaults.ClientId)
                .WithEnvironment("AzureAd__ClientSecret", DevelopmentDefaults.ClientSecret)
                .WithEnvironment("DownstreamApis__Graph__BaseUrl", new Uri(topology.EmulatorOrigin, "v1.0").AbsoluteUri)
                .WithEnvironment("Spa__RedirectUri", topology.PublicOrigin.AbsoluteUri)
                .WithEnvironment("Cache__Provider", "Redis")
                .WithEnvironment("Cache__Redis__Configuration", "127.0.0.1:" + topology.RedisPort)
                // The emulator's certificate is self-signed: the app trusts exactly this file (OpenSSL's variable, which .NET reads).
                .WithEnvironment("SSL_CERT_FILE", files.TlsCertificate)
                // Scraped by the topology's prometheus on loopback, which the endpoint answers (docs/operations.md).
                .WithEnvironment("Telemetry__Prometheus__Enabled", "true")
                .WithOtlpExporter()
                .WithHttpHealthCheck("/health")
                .WaitFor(redis)
                .WaitFor(emulator)).ToList();

        var nginx = builder.AddExecutable("nginx", TopologyPrerequisites.Nginx, files.NginxDirectory,
            "-p", files.NginxDirectory + "/", "-e", "stderr", "-c", files.NginxConfiguration, "-g", "daemon off;");
        foreach (var instance in instances)
        {
            nginx.WaitFor(instance);
        }

        var prometheus = builder.AddExecutable("prometheus", "prometheus", files.PrometheusDirectory,
                "--config.file=" + files.PrometheusConfiguration, "--storage.tsdb.path=" + files.PrometheusStorage,
                "--web.listen-address=127.0.0.1:" + topology.PrometheusPort, "--log.level=warn")
            .WithHttpEndpoint(port: topology.PrometheusPort, isProxied: false)
            .WithHttpHealthCheck("/-/ready");
        foreach (var instance in instances)
        {
            prometheus.WaitFor(instance);
        }

        builder.Build().Run();
    }
}
