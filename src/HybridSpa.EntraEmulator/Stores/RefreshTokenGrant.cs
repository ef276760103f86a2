namespace HybridSpa.EntraEmulator.Stores;

/// <summary>An issued refresh token: SPA tokens expire at a fixed time, Web tokens after a period of inactivity.</summary>
internal sealed class RefreshTokenGrant
{
    public required string Handle { get; init; }

    public required bool IsSpa { get; init; }

    public required GrantBinding Binding { get; init; }

    /// <summary>When the first refresh token of this chain was issued (the date 700084 reports).</summary>
    public required DateTimeOffset ChainIssuedAt { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }
}
