using HybridSpa.EntraEmulator.Scopes;

namespace HybridSpa.EntraEmulator.Stores;

/// <summary>An issued refresh token: SPA tokens expire at a fixed time, Web tokens after a period of inactivity.</summary>
internal sealed class RefreshTokenGrant
{
    public required string Handle { get; init; }

    public required bool IsSpa { get; init; }

    public required string ClientId { get; init; }

    public required string UserObjectId { get; init; }

    public required string SessionId { get; init; }

    public required string Sid { get; init; }

    public required string TenantId { get; init; }

    public required ScopeSet Scopes { get; init; }

    public required DateTimeOffset AuthTime { get; init; }

    /// <summary>When the first refresh token of this chain was issued (the date 700084 reports).</summary>
    public required DateTimeOffset ChainIssuedAt { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }
}
