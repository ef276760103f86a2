using HybridSpa.EntraEmulator.Hosting;

namespace HybridSpa.EntraEmulator.Validation;

/// <summary>A token request as parsed from HTTP: the form parameters plus the headers the rules depend on.</summary>
internal sealed record TokenRequest(
    TenantRoute Tenant,
    IReadOnlyDictionary<string, string> Parameters,
    string? Origin,
    string? Authorization,
    string? IpAddress)
{
    /// <summary>A parameter's value; empty values count as absent, as Entra treats them.</summary>
    public string? Get(string name) => Parameters.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}
