using HybridSpa.EntraEmulator.Scopes;

namespace HybridSpa.EntraEmulator.Tokens;

/// <summary>Who a token is for and how they got it; the input of the token factories.</summary>
internal sealed record TokenContext(
    AppRegistration Application,
    TestUser User,
    string HomeTenantId,
    string Sid,
    DateTimeOffset AuthTime,
    ScopeSet Scopes,
    string? Nonce,
    ClientAuthenticationMethod ClientAuthentication,
    string? IpAddress);

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
