using HybridSpa.EntraEmulator.Scopes;

namespace HybridSpa.EntraEmulator.Tokens;

/// <summary>Who a token is for and how they got it; the input of the token factories.</summary>
/// <param name="TenantId">
/// The tenant that issues the tokens (their <c>iss</c> and <c>tid</c>): the tenant of a tenant-specific route, where a
/// personal account signs in as a guest (with an object id of that tenant's own), else the user's home tenant.
/// </param>
/// <param name="ClientCapabilities">What the token request's <c>claims</c> declared in <c>xms_cc</c> (e.g. <c>cp1</c>): the access token's <c>xms_cc</c>.</param>
/// <param name="Acrs">The authentication contexts the sign-in stepped up for: the access token's <c>acrs</c>, and <c>mfa</c> in its <c>amr</c>.</param>
/// <param name="HomeTenantId">The user's home tenant (<c>client_info</c>'s utid, the account's identity across tenants).</param>
internal sealed record TokenContext(
    AppRegistration Application,
    TestUser User,
    string TenantId,
    string HomeTenantId,
    string Sid,
    DateTimeOffset AuthTime,
    ScopeSet Scopes,
    string? Nonce,
    ClientAuthenticationMethod ClientAuthentication,
    string? IpAddress,
    IReadOnlyList<string>? ClientCapabilities = null,
    IReadOnlyList<string>? Acrs = null);

/// <summary>How the client proved itself; becomes the access token's <c>appidacr</c>.</summary>
internal enum ClientAuthenticationMethod
{
    /// <summary>A public client (SPA): appidacr "0".</summary>
    None,

    /// <summary>A client secret: appidacr "1".</summary>
    Secret,

    /// <summary>A certificate-signed client assertion: appidacr "2".</summary>
    Certificate,
}
