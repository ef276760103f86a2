using HybridSpa.EntraEmulator.Stores;
using HybridSpa.EntraEmulator.Tokens;

namespace HybridSpa.EntraEmulator.Validation;

/// <summary>A token request that passed every rule: what the response generator needs to mint tokens.</summary>
/// <param name="Binding">What the presented grant was bound to, with the scopes this response grants: a refresh token or
/// spa_code issued now is bound to the same.</param>
internal sealed record ValidatedTokenRequest(
    TokenContext Token,
    GrantBinding Binding,
    bool IsSpaGrant,
    RefreshTokenGrantChain? SpaChain,
    bool ReturnSpaCode,
    bool ReturnClientInfo);

/// <summary>The fixed expiry a rotated SPA refresh token inherits from the token it replaces.</summary>
internal sealed record RefreshTokenGrantChain(DateTimeOffset ChainIssuedAt, DateTimeOffset ExpiresAt);

/// <summary>Either a validated request (for a user, or app-only) or the Entra error that rejects it.</summary>
internal sealed record TokenRequestValidationResult(ValidatedTokenRequest? Request, Errors.AadstsError? Error, ValidatedClientCredentialsRequest? AppOnly = null)
{
    public static TokenRequestValidationResult Success(ValidatedTokenRequest request) => new(request, null);

    public static TokenRequestValidationResult Success(ValidatedClientCredentialsRequest request) => new(null, null, request);

    public static implicit operator TokenRequestValidationResult(Errors.AadstsError error) => new(null, error);
}
