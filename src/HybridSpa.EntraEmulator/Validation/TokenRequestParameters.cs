namespace HybridSpa.EntraEmulator.Validation;

/// <summary>Names of the /token parameters the emulator reads; everything else (telemetry, claims, X-AnchorMailbox…) is accepted and ignored.</summary>
internal static class TokenRequestParameters
{
    public const string GrantType = "grant_type";
    public const string ClientId = "client_id";
    public const string ClientSecret = "client_secret";
    public const string ClientAssertionType = "client_assertion_type";
    public const string ClientAssertion = "client_assertion";
    public const string Code = "code";
    public const string RedirectUri = "redirect_uri";
    public const string CodeVerifier = "code_verifier";
    public const string Scope = "scope";
    public const string RefreshToken = "refresh_token";
    public const string ReturnSpaCode = "return_spa_code";
    public const string ClientInfo = "client_info";
    public const string Claims = "claims";
    public const string JwtBearerAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    public const string AuthorizationCodeGrant = "authorization_code";
    public const string RefreshTokenGrant = "refresh_token";
    public const string ClientCredentialsGrant = "client_credentials";
}
