using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace HybridSpa.AppHost;

/// <summary>
/// The <c>Topology</c> section: where the local production topology listens and keeps its files. Every port is on loopback;
/// the defaults suit a developer's machine, and the Topology tests pass free ports.
/// </summary>
public sealed class TopologySettings
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Topology";

    /// <summary>The public host name nginx answers for (Chromium resolves *.localhost to loopback by itself).</summary>
    public string PublicHost { get; set; } = "hybridspa.localhost";

    /// <summary>The public port nginx terminates TLS on.</summary>
    public int PublicPort { get; set; } = 8443;

    /// <summary>
    /// The emulator's port. Its host is <c>localhost</c>: .NET on Linux does not resolve *.localhost names, and
    /// https://localhost is still another site than the public origin for the browser.
    /// </summary>
    public int EmulatorPort { get; set; } = 9443;

    /// <summary>The loopback HTTP ports of the two published instances.</summary>
    public IList<int> InstancePorts { get; } = [];

    /// <summary>The loopback port of redis-server.</summary>
    public int RedisPort { get; set; } = 6390;

    /// <summary>The loopback port of the topology's prometheus (not 9090: Debian's packaged prometheus service may hold that).</summary>
    public int PrometheusPort { get; set; } = 9190;

    /// <summary>How often prometheus scrapes each instance's metrics endpoint.</summary>
    public TimeSpan ScrapeInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Where the run's files go (nginx's configuration and logs, Redis's append-only file, prometheus's configuration and storage).</summary>
    public string StateDirectory { get; set; } = Path.Combine(RepositoryRoot, "artifacts", "topology", "run");

    /// <summary>A PEM certificate for the public host and localhost, with <see cref="TlsCertificateKey"/>; generated once when unset.</summary>
    public string? TlsCertificate { get; set; }

    /// <summary>The PEM private key of <see cref="TlsCertificate"/>.</summary>
    public string? TlsCertificateKey { get; set; }

    /// <summary>The public origin, e.g. https://hybridspa.localhost:8443/.</summary>
    public Uri PublicOrigin => new($"https://{PublicHost}:{PublicPort}/");

    /// <summary>prometheus's origin (its web UI and HTTP query API), e.g. http://127.0.0.1:9190/.</summary>
    public Uri PrometheusOrigin => new($"http://127.0.0.1:{PrometheusPort}/");

    /// <summary>The emulator's origin, e.g. https://localhost:9443/.</summary>
    public Uri EmulatorOrigin => new($"https://localhost:{EmulatorPort}/");

    /// <summary>The web app as <c>dotnet publish -c Release</c> made it (the AppHost's build runs that publish).</summary>
    public static string PublishedWebAppDirectory => BuildMetadata("PublishedWebAppDirectory");

    /// <summary>The repository the AppHost was built from.</summary>
    public static string RepositoryRoot => BuildMetadata("RepositoryRoot");

    /// <summary>Reads the section; two instances on 5101 and 5102 unless configured.</summary>
    public static TopologySettings From(IConfiguration configuration)
    {
        var settings = new TopologySettings();
        configuration.GetSection(SectionName).Bind(settings);
        if (settings.InstancePorts.Count == 0)
        {
            settings.InstancePorts.Add(5101);
            settings.InstancePorts.Add(5102);
        }

        if (settings.InstancePorts.Count != 2)
        {
            throw new InvalidOperationException($"Topology:InstancePorts names {settings.InstancePorts.Count} ports; the topology runs two instances.");
        }

        if (settings.TlsCertificate is null != settings.TlsCertificateKey is null)
        {
            throw new InvalidOperationException("Topology:TlsCertificate and Topology:TlsCertificateKey go together.");
        }

        return settings;
    }

    private static string BuildMetadata(string key) =>
        typeof(TopologySettings).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
