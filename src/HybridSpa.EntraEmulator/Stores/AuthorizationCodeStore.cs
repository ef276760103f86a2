namespace HybridSpa.EntraEmulator.Stores;

/// <summary>Issued authorization codes and hybrid spa_codes; redemption itself is <see cref="AuthorizationCode.TryRedeem"/>.</summary>
internal sealed class AuthorizationCodeStore(TimeProvider clock) : ExpiringStore<AuthorizationCode>(clock, c => c.ExpiresAt)
{
    public void Store(AuthorizationCode code) => Add(code.Handle, code);
}
