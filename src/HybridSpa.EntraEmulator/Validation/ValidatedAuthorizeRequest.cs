using HybridSpa.EntraEmulator.Hosting;
using HybridSpa.EntraEmulator.Scopes;
using HybridSpa.EntraEmulator.Stores;

namespace HybridSpa.EntraEmulator.Validation;

/// <summary>An /authorize request that passed every rule. <c>MaxAge</c>: how long ago the user may have entered a credential (OIDC <c>max_age</c>); <c>Claims</c>: the <c>claims</c> request.</summary>
internal sealed record ValidatedAuthorizeRequest(
    TenantRoute Tenant,
    AppRegistration Application,
    string RedirectUri,
    CodeKind RedirectKind,
    string ResponseMode,
    ScopeSet Scopes,
    string? State,
    string? Nonce,
    string? Prompt,
    string? LoginHint,
    string? CodeChallenge,
    string? CodeChallengeMethod,
    bool ReturnClientInfo,
    TimeSpan? MaxAge = null,
    Claims.ClaimsRequest? Claims = null);

/// <summary>
/// The outcome of validating /authorize: success; an error Entra shows on its own page (the redirect URI cannot be trusted);
/// or an error sent back to the redirect URI.
/// </summary>
internal sealed record AuthorizeValidationResult(ValidatedAuthorizeRequest? Request, Errors.AadstsError? PageError, AuthorizeRedirectError? RedirectError);

/// <summary>An /authorize error delivered to a trusted redirect URI in the requested response mode, with the state echoed.</summary>
internal sealed record AuthorizeRedirectError(string RedirectUri, string ResponseMode, string? State, Errors.AadstsError Error);
