using HybridSpa.EntraEmulator.Configuration;

namespace HybridSpa.EntraEmulator.Hosting;

/// <summary>The <c>{tenant}</c> path segment: the configured tenant GUID or one of Entra's multi-tenant aliases.</summary>
internal sealed record TenantRoute(string Segment, string? TenantId)
{
    private static readonly string[] Aliases = ["common", "organizations", "consumers"];

    /// <summary>True for common / organizations / consumers, whose issuer is the <c>{tenantid}</c> template.</summary>
    public bool IsAlias => TenantId is null;

    /// <summary>Null when the segment names no tenant this emulator knows (Entra's AADSTS90002).</summary>
    public static TenantRoute? Resolve(string? segment, EmulatorDirectory directory)
    {
        if (string.IsNullOrEmpty(segment))
        {
            return null;
        }

        if (Aliases.Contains(segment, StringComparer.OrdinalIgnoreCase))
        {
            return new TenantRoute(segment.ToLowerInvariant(), null);
        }

        if (segment.Equals(directory.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return new TenantRoute(directory.TenantId, directory.TenantId);
        }

        return segment.Equals(DevelopmentDefaults.ConsumersTenantId, StringComparison.OrdinalIgnoreCase)
            ? new TenantRoute(DevelopmentDefaults.ConsumersTenantId, DevelopmentDefaults.ConsumersTenantId)
            : null;
    }
}
