using HybridSpa.EntraEmulator.Claims;
using HybridSpa.EntraEmulator.Configuration;
using HybridSpa.EntraEmulator.Errors;
using HybridSpa.EntraEmulator.Scopes;
using HybridSpa.EntraEmulator.Stores;
using HybridSpa.EntraEmulator.Tokens;

namespace HybridSpa.EntraEmulator.Validation;

/// <summary>The <c>authorization_code</c> grant for Web codes, SPA codes and hybrid spa_codes (entra-protocol.md §6.1–6.3, §10).</summary>
internal sealed class AuthorizationCodeGrantValidator(
    AuthorizationCodeStore codes,
    BrowserSessionStore sessions,
    ClientAuthenticator clients,
    ConsentPolicy consent,
    EmulatorDirectory directory,
    TimeProvider clock)
{
    public TokenRequestValidationResult Validate(TokenRequest request, AppRegistration app, PresentedCredential credential, ScopeSet? requestedScopes, ClaimsRequest claims)
    {
        var handle = request.Get(TokenRequestParameters.Code);
        if (handle is null)
        {
            return AadstsErrors.MissingParameter(TokenRequestParameters.Code);
        }

        var code = codes.Find(handle);
        if (code is null || !code.Binding.ClientId.Equals(app.ClientId, StringComparison.OrdinalIgnoreCase))
        {
            return AadstsErrors.InvalidGrant();
        }

        if (code.IsRedeemed)
        {
            return AadstsErrors.CodeAlreadyRedeemed();
        }

        if (clock.GetUtcNow() >= code.ExpiresAt)
        {
            return AadstsErrors.GrantExpired();
        }

        if (!AuthorityAccountRules.CanRedeem(request.Tenant, code.Binding.TenantId, directory.FindUser(code.Binding.UserObjectId)?.IsPersonalAccount == true))
        {
            return AadstsErrors.CodeForOtherTenant();
        }

        var isSpaGrant = code.Kind != CodeKind.Web;
        var (method, clientError) = clients.AuthenticateForGrant(isSpaGrant, app, credential, request);
        if (clientError is not null)
        {
            return clientError;
        }

        var user = directory.FindUser(code.Binding.UserObjectId);
        if (user is null)
        {
            return AadstsErrors.InvalidGrant();
        }

        var returnSpaCode = request.Get(TokenRequestParameters.ReturnSpaCode) == "1";
        if (returnSpaCode && (isSpaGrant || user.IsPersonalAccount))
        {
            return AadstsErrors.HybridSpaCodeNotAllowed();
        }

        if ((CheckRedirectUri(code, request) ?? CheckPkce(code, request)) is { } bindingError)
        {
            return bindingError;
        }

        // UNCONFIRMED: a spa_code whose emulator session has ended (logout) is refused like an unknown code.
        if (code.Kind == CodeKind.HybridSpa && sessions.Find(code.Binding.SessionId)?.Find(user.ObjectId) is null)
        {
            return AadstsErrors.InvalidGrant();
        }

        if (!claims.IsSatisfiedBy(code.Binding.Acrs))
        {
            return AadstsErrors.InteractionRequired();
        }

        var (scopes, scopeError) = consent.ResolveTokenScopes(app, user, requestedScopes, code.Binding.Scopes);
        if (scopeError is not null)
        {
            return scopeError;
        }

        if (!code.TryRedeem())
        {
            return AadstsErrors.CodeAlreadyRedeemed();
        }

        var token = new TokenContext(app, user, code.Binding.TenantId, directory.HomeTenantOf(user), code.Binding.Sid, code.Binding.AuthTime, scopes!, code.Kind == CodeKind.HybridSpa ? null : code.Nonce, method, request.IpAddress, claims.ClientCapabilities, code.Binding.Acrs);
        return TokenRequestValidationResult.Success(new ValidatedTokenRequest(
            token, code.Binding with { Scopes = scopes! }, isSpaGrant, SpaChain: null, returnSpaCode, request.Get(TokenRequestParameters.ClientInfo) == "1"));
    }

    /// <summary>Hybrid spa_codes carry no redirect URI (pitfall 1); other codes must present the one used at /authorize.</summary>
    private static AadstsError? CheckRedirectUri(AuthorizationCode code, TokenRequest request)
    {
        if (code.RedirectUri is null)
        {
            return null;
        }

        var presented = request.Get(TokenRequestParameters.RedirectUri);
        if (presented is null)
        {
            return AadstsErrors.ReplyAddressRequired();
        }

        return presented == code.RedirectUri ? null : AadstsErrors.ReplyAddressMismatch(presented.Length > 512 ? presented[..512] : presented, code.RedirectUri);
    }

    /// <summary>
    /// SPA codes need PKCE (9002325); a Web code is checked when /authorize received a challenge, and a verifier for a code issued
    /// without one is refused (RFC 9700 §2.1.1, PKCE downgrade); spa_codes are never checked.
    /// </summary>
    private static AadstsError? CheckPkce(AuthorizationCode code, TokenRequest request)
    {
        var verifier = request.Get(TokenRequestParameters.CodeVerifier);
        switch (code.Kind)
        {
            case CodeKind.HybridSpa:
                return null;
            case CodeKind.Spa when code.CodeChallenge is null || verifier is null:
                return AadstsErrors.PkceRequiredForCrossOrigin();
            default:
                if (code.CodeChallenge is null)
                {
                    // UNCONFIRMED: Entra's answer to a verifier for a code issued without a challenge is reported as a mismatch.
                    return verifier is null ? null : AadstsErrors.PkceMismatch();
                }

                // UNCONFIRMED: a Web code with a challenge but no verifier is reported as a mismatch.
                return verifier is not null && PkceVerifier.Matches(verifier, code.CodeChallenge, code.CodeChallengeMethod ?? PkceVerifier.Plain)
                    ? null
                    : AadstsErrors.PkceMismatch();
        }
    }
}
