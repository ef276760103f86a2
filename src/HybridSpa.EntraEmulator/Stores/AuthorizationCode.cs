namespace HybridSpa.EntraEmulator.Stores;

/// <summary>An issued authorization code (or hybrid spa_code) and everything it is bound to.</summary>
internal sealed class AuthorizationCode
{
    private int _redeemed;

    public required string Handle { get; init; }

    public required CodeKind Kind { get; init; }

    public required GrantBinding Binding { get; init; }

    /// <summary>Null for hybrid spa_codes, which are redeemed without a redirect URI.</summary>
    public string? RedirectUri { get; init; }

    public string? Nonce { get; init; }

    public string? CodeChallenge { get; init; }

    public string? CodeChallengeMethod { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public bool IsRedeemed => Volatile.Read(ref _redeemed) == 1;

    /// <summary>Atomically marks the code used; exactly one caller ever gets true.</summary>
    public bool TryRedeem() => Interlocked.Exchange(ref _redeemed, 1) == 0;
}
