namespace HybridSpa.EntraEmulator.Stores;

/// <summary>Issued refresh tokens. Redeeming one does not revoke it (Entra keeps the old token valid).</summary>
internal sealed class RefreshTokenStore(TimeProvider clock) : ExpiringStore<RefreshTokenGrant>(clock, g => g.ExpiresAt)
{
    public void Store(RefreshTokenGrant grant) => Add(grant.Handle, grant);
}
