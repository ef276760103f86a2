using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using HybridSpa.EntraEmulator;

namespace HybridSpa.AppHost;

/// <summary>
/// The files the topology's processes read, written before they start: the TLS certificate nginx and the emulator serve
/// (and the published app trusts), the emulator's app registration for the public origin, nginx's configuration —
/// the operator's site from deploy/nginx, rendered with this run's ports — and prometheus's scrape configuration.
/// </summary>
public sealed class TopologyFiles
{
    private TopologyFiles(string directory, string tlsCertificate, string tlsCertificateKey)
    {
        Directory = directory;
        TlsCertificate = tlsCertificate;
        TlsCertificateKey = tlsCertificateKey;
    }

    /// <summary>The run's state directory.</summary>
    public string Directory { get; }

    /// <summary>The PEM certificate for the public host and localhost.</summary>
    public string TlsCertificate { get; }

    /// <summary>Its PEM private key.</summary>
    public string TlsCertificateKey { get; }

    /// <summary>The emulator's <c>--config</c> file.</summary>
    public string EmulatorConfiguration => Path.Combine(Directory, "entra-emulator.json");

    /// <summary>nginx's prefix directory: its configuration, pid, temporary files and access log.</summary>
    public string NginxDirectory => Path.Combine(Directory, "nginx");

    /// <summary>nginx's main configuration, which includes the rendered site.</summary>
    public string NginxConfiguration => Path.Combine(NginxDirectory, "nginx.conf");

    /// <summary>nginx's access log: one line per request, naming the instance that answered (<c>upstream=</c>).</summary>
    public string NginxAccessLog => Path.Combine(NginxDirectory, "access.log");

    /// <summary>Redis's working directory (its append-only file).</summary>
    public string RedisDirectory => Path.Combine(Directory, "redis");

    /// <summary>prometheus's directory: its configuration and its storage (<c>data</c>).</summary>
    public string PrometheusDirectory => Path.Combine(Directory, "prometheus");

    /// <summary>prometheus's configuration: both instances' metrics endpoints, scraped directly on loopback.</summary>
    public string PrometheusConfiguration => Path.Combine(PrometheusDirectory, "prometheus.yml");

    /// <summary>prometheus's time-series storage.</summary>
    public string PrometheusStorage => Path.Combine(PrometheusDirectory, "data");

    /// <summary>Writes every file for <paramref name="settings"/>.</summary>
    public static TopologyFiles Write(TopologySettings settings)
    {
        System.IO.Directory.CreateDirectory(settings.StateDirectory);
        var (certificate, key) = settings.TlsCertificate is { } configured
            ? (Path.GetFullPath(configured), Path.GetFullPath(settings.TlsCertificateKey!))
            : GeneratedCertificate(settings);
        var files = new TopologyFiles(Path.GetFullPath(settings.StateDirectory), certificate, key);
        System.IO.Directory.CreateDirectory(files.RedisDirectory);
        files.WriteEmulatorConfiguration(settings);
        files.WriteNginxConfiguration(settings);
        files.WritePrometheusConfiguration(settings);
        return files;
    }

    // Kept between runs (next to the state directory), so a browser told to trust it once keeps trusting it.
    private static (string Certificate, string Key) GeneratedCertificate(TopologySettings settings)
    {
        var directory = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settings.StateDirectory))!, "tls");
        var certificatePath = Path.Combine(directory, settings.PublicHost + ".crt");
        var keyPath = Path.Combine(directory, settings.PublicHost + ".key");
        if (!File.Exists(certificatePath) || !File.Exists(keyPath)
            || X509Certificate2.CreateFromPemFile(certificatePath, keyPath).NotAfter < DateTime.Now.AddDays(7))
        {
            System.IO.Directory.CreateDirectory(directory);
            using var certificate = LoopbackCertificate.CreateSelfSigned("HybridSpa local production topology", DateTimeOffset.UtcNow, settings.PublicHost);
            using var rsa = certificate.GetRSAPrivateKey()!;
            File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
            File.WriteAllText(keyPath, rsa.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return (certificatePath, keyPath);
    }

    private void WriteEmulatorConfiguration(TopologySettings settings)
    {
        var options = EntraEmulatorOptions.CreateDefault();
        var application = options.Applications[0];
        application.WebRedirectUris = [new Uri(settings.PublicOrigin, "signin-oidc").AbsoluteUri];
        // The web app's EmulatorAppRegistration, written out: the AppHost does not reference the web app's assembly (SpaRoutes.SilentCallback).
        application.SpaRedirectUris = [settings.PublicOrigin.AbsoluteUri, new Uri(settings.PublicOrigin, "account/silent-callback").AbsoluteUri];
        application.PostLogoutRedirectUris = [new Uri(settings.PublicOrigin, "signout-callback-oidc").AbsoluteUri];
        application.FrontChannelLogoutUrl = new Uri(settings.PublicOrigin, "signout-frontchannel").AbsoluteUri;
        File.WriteAllText(EmulatorConfiguration, JsonSerializer.Serialize(new Dictionary<string, object> { [EntraEmulatorOptions.SectionName] = options }));
    }

    private void WriteNginxConfiguration(TopologySettings settings)
    {
        System.IO.Directory.CreateDirectory(Path.Combine(NginxDirectory, "temp"));
        var template = File.ReadAllText(Path.Combine(TopologySettings.RepositoryRoot, "deploy", "nginx", "hybridspa.conf.template"));
        var site = new Dictionary<string, string>
        {
            ["HYBRIDSPA_LISTEN"] = $"127.0.0.1:{settings.PublicPort}",
            ["HYBRIDSPA_PUBLIC_HOST"] = settings.PublicHost,
            ["HYBRIDSPA_TLS_CERTIFICATE"] = TlsCertificate,
            ["HYBRIDSPA_TLS_KEY"] = TlsCertificateKey,
            ["HYBRIDSPA_INSTANCE_1"] = $"127.0.0.1:{settings.InstancePorts[0]}",
            ["HYBRIDSPA_INSTANCE_2"] = $"127.0.0.1:{settings.InstancePorts[1]}",
            ["HYBRIDSPA_ACCESS_LOG"] = NginxAccessLog,
        }.Aggregate(template, (text, variable) => text.Replace("${" + variable.Key + "}", variable.Value, StringComparison.Ordinal));
        if (site.Contains("${HYBRIDSPA_", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("deploy/nginx/hybridspa.conf.template has a placeholder the AppHost does not fill.");
        }

        var sitePath = Path.Combine(NginxDirectory, "hybridspa.conf");
        File.WriteAllText(sitePath, site);
        var temp = Path.Combine(NginxDirectory, "temp");
        // The main configuration a distribution's /etc/nginx/nginx.conf would be, for an unprivileged, foreground nginx.
        File.WriteAllText(NginxConfiguration, $$"""
            pid {{Path.Combine(NginxDirectory, "nginx.pid")}};
            error_log stderr notice;
            worker_processes 1;
            events { worker_connections 1024; }
            http {
                client_body_temp_path {{temp}}/client_body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
                include {{sitePath}};
            }
            """);
    }

    // Straight to each instance, not through nginx: a scrape must say which instance it read, and nginx would round-robin.
    private void WritePrometheusConfiguration(TopologySettings settings)
    {
        System.IO.Directory.CreateDirectory(PrometheusStorage);
        var targets = string.Join(", ", settings.InstancePorts.Select(port => $"'127.0.0.1:{port}'"));
        var interval = $"{(long)settings.ScrapeInterval.TotalMilliseconds}ms";
        File.WriteAllText(PrometheusConfiguration, $$"""
            global:
              scrape_interval: {{interval}}
              evaluation_interval: {{interval}}
            scrape_configs:
              - job_name: hybridspa
                metrics_path: /metrics
                static_configs:
                  - targets: [{{targets}}]
            """);
    }
}
