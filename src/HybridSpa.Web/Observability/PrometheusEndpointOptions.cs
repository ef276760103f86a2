namespace HybridSpa.Web.Observability;

/// <summary>The <c>Telemetry:Prometheus</c> section: the scrape endpoint, off unless configured, and who may read it.</summary>
public sealed class PrometheusEndpointOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Telemetry:Prometheus";

    /// <summary>Serve the scrape endpoint at all (default off).</summary>
    public bool Enabled { get; set; }

    /// <summary>Where it is served.</summary>
    public string Path { get; set; } = "/metrics";

    /// <summary>
    /// Networks besides loopback whose scrapes are answered, in CIDR form (<c>10.0.0.0/8</c>), judged on the client address as
    /// forwarded-header processing left it. Everyone else gets 404.
    /// </summary>
    public IList<string> AllowedNetworks { get; } = [];
}
