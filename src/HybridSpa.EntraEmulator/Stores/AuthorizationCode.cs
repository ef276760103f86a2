using HybridSpa.EntraEmulator.Scopes;

namespace HybridSpa.EntraEmulator.Stores;

/// <summary>An issued authorization code (or hybrid spa_code) and everything it is bound to.</summary>
internal sealed class AuthorizationCode
{
    private int _redeemed;

    public required string Handle { get; init; }

    public required CodeKind Kind { get; init; }

    public required string ClientId { get; init; }

    public required string UserObjectId { get; init; }

    /// <summary>The emulator browser session the user signed in with.</summary>
    public required string SessionId { get; init; }

    /// <summary>The <c>sid</c> claim of that sign-in.</summary>
    public required string Sid { get; init; }

    /// <summary>The tenant the code was issued for (700005 when redeemed at another).</summary>
    public required string TenantId { get; init; }

    /// <summary>Null for hybrid spa_codes, which are redeemed without a redirect URI.</summary>
    public string? RedirectUri { get; init; }

    public required ScopeSet Scopes { get; init; }

    public string? Nonce { get; init; }

    public string? CodeChallenge { get; init; }

    public string? CodeChallengeMethod { get; init; }

    public required DateTimeOffset AuthTime { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public bool IsRedeemed => Volatile.Read(ref _redeemed) == 1;

    /// <summary>Atomically marks the code used; exactly one caller ever gets true.</summary>
    public bool TryRedeem() => Interlocked.Exchange(ref _redeemed, 1) == 0;
}
