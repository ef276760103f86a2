namespace HybridSpa.Web.Security;

/// <summary>
/// The <c>ForwardedHeaders</c> section: the reverse proxies whose <c>X-Forwarded-For</c>, <c>-Proto</c> and <c>-Host</c> the
/// app believes. With neither list set, only loopback is believed (ASP.NET Core's default); set, the lists replace it.
/// </summary>
public sealed class KnownProxiesOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of the proxies, e.g. <c>10.0.0.4</c> or <c>fd00::4</c>.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks the proxies are in, in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public IList<string> KnownNetworks { get; } = [];
}
