using HybridSpa.EntraEmulator.Claims;
using HybridSpa.EntraEmulator.Configuration;
using HybridSpa.EntraEmulator.Errors;
using HybridSpa.EntraEmulator.Scopes;
using HybridSpa.EntraEmulator.Stores;
using HybridSpa.EntraEmulator.Tokens;

namespace HybridSpa.EntraEmulator.Validation;

/// <summary>The <c>refresh_token</c> grant: SPA tokens die 24 h after the chain began (700084), Web tokens after inactivity (700082).</summary>
internal sealed class RefreshTokenGrantValidator(
    RefreshTokenStore refreshTokens,
    ClientAuthenticator clients,
    ConsentPolicy consent,
    EmulatorDirectory directory,
    SignInRevocations revocations,
    TimeProvider clock)
{
    public TokenRequestValidationResult Validate(TokenRequest request, AppRegistration app, PresentedCredential credential, ScopeSet? requestedScopes, ClaimsRequest claims)
    {
        var handle = request.Get(TokenRequestParameters.RefreshToken);
        if (handle is null)
        {
            return AadstsErrors.MissingParameter(TokenRequestParameters.RefreshToken);
        }

        var grant = refreshTokens.Find(handle);
        if (grant is null)
        {
            return AadstsErrors.MalformedRequest();
        }

        if (!grant.Binding.ClientId.Equals(app.ClientId, StringComparison.OrdinalIgnoreCase))
        {
            return AadstsErrors.InvalidGrant();
        }

        if (!AuthorityAccountRules.CanRedeem(request.Tenant, grant.Binding.TenantId, directory.FindUser(grant.Binding.UserObjectId)?.IsPersonalAccount == true))
        {
            return AadstsErrors.CodeForOtherTenant();
        }

        var (method, clientError) = clients.AuthenticateForGrant(grant.IsSpa, app, credential, request);
        if (clientError is not null)
        {
            return clientError;
        }

        if (request.Get(TokenRequestParameters.ReturnSpaCode) == "1")
        {
            return AadstsErrors.HybridSpaCodeNotAllowed();
        }

        var now = clock.GetUtcNow();
        if (now >= grant.ExpiresAt)
        {
            return grant.IsSpa
                ? AadstsErrors.SpaRefreshTokenExpired(grant.ChainIssuedAt)
                : AadstsErrors.RefreshTokenInactive(grant.IssuedAt, directory.Options.Lifetimes.WebRefreshToken);
        }

        var user = directory.FindUser(grant.Binding.UserObjectId);
        if (user is null)
        {
            return AadstsErrors.InvalidGrant();
        }

        if (revocations.IsRevoked(user.ObjectId, grant.IssuedAt))
        {
            return AadstsErrors.GrantRevoked(grant.IssuedAt, revocations.RevokedAt(user.ObjectId)!.Value);
        }

        if (claims.NotBefore is { } notBefore && grant.IssuedAt.ToUnixTimeSeconds() < notBefore)
        {
            return AadstsErrors.GrantRevoked(grant.IssuedAt, DateTimeOffset.FromUnixTimeSeconds(notBefore));
        }

        // Only the step-up page can satisfy an authentication context: a refresh token cannot (Entra's MFA-required answer).
        if (user.InteractionRequiredOnSilent || !claims.IsSatisfiedBy(grant.Binding.Acrs))
        {
            return AadstsErrors.InteractionRequired();
        }

        var (scopes, scopeError) = consent.ResolveTokenScopes(app, user, requestedScopes, grant.Binding.Scopes);
        if (scopeError is not null)
        {
            return scopeError;
        }

        var token = new TokenContext(app, user, grant.Binding.TenantId, directory.HomeTenantOf(user), grant.Binding.Sid, grant.Binding.AuthTime, scopes!, Nonce: null, method, request.IpAddress, claims.ClientCapabilities, grant.Binding.Acrs);
        var chain = grant.IsSpa ? new RefreshTokenGrantChain(grant.ChainIssuedAt, grant.ExpiresAt) : null;
        return TokenRequestValidationResult.Success(new ValidatedTokenRequest(
            token, grant.Binding with { Scopes = scopes! }, grant.IsSpa, chain, ReturnSpaCode: false, request.Get(TokenRequestParameters.ClientInfo) == "1"));
    }
}
