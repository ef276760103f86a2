using HybridSpa.EntraEmulator.Scopes;

namespace HybridSpa.EntraEmulator.Stores;

/// <summary>What a code or refresh token is bound to: the client, the user, their sign-in and the consented scopes.</summary>
/// <param name="ClientId">The app it was issued to.</param>
/// <param name="UserObjectId">The signed-in user.</param>
/// <param name="SessionId">The emulator browser session the user signed in with.</param>
/// <param name="Sid">The <c>sid</c> claim of that sign-in.</param>
/// <param name="TenantId">The tenant it was issued for (700005 when redeemed at another).</param>
/// <param name="Scopes">The scopes it carries.</param>
/// <param name="AuthTime">When the user signed in.</param>
/// <param name="Acrs">The authentication contexts the sign-in stepped up for.</param>
internal sealed record GrantBinding(
    string ClientId, string UserObjectId, string SessionId, string Sid, string TenantId, ScopeSet Scopes, DateTimeOffset AuthTime, IReadOnlyList<string>? Acrs = null);
