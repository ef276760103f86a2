namespace HybridSpa.EntraEmulator.Hosting;

/// <summary>The emulator's public URLs, built from the configured host name and the bound port.</summary>
internal sealed class EmulatorUrls(Uri baseAddress)
{
    /// <summary>Scheme, host and port with a trailing slash, e.g. https://login.dev.localhost:5443/.</summary>
    public string Base { get; } = baseAddress.AbsoluteUri;

    public string HostAndPort { get; } = baseAddress.Authority;

    /// <summary>The v2.0 issuer: the emulator's own origin, which both MSAL clients accept and a JWT validator can check.</summary>
    public string Issuer(string tenant) => $"{Base}{tenant}/v2.0";

    public string TenantEndpoint(string tenant, string path) => $"{Base}{tenant}/{path}";
}
