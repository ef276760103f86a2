using HybridSpa.EntraEmulator.Claims;
using HybridSpa.EntraEmulator.Configuration;
using HybridSpa.EntraEmulator.Errors;
using HybridSpa.EntraEmulator.Scopes;

namespace HybridSpa.EntraEmulator.Validation;

/// <summary>The rules every /token request passes before its grant-specific validator runs.</summary>
internal sealed class TokenRequestValidator(
    EmulatorDirectory directory,
    AuthorizationCodeGrantValidator codeGrants,
    RefreshTokenGrantValidator refreshGrants,
    ClientCredentialsGrantValidator clientCredentials)
{
    public TokenRequestValidationResult Validate(TokenRequest request)
    {
        var grantType = request.Get(TokenRequestParameters.GrantType);
        if (grantType is null)
        {
            return AadstsErrors.MissingParameter(TokenRequestParameters.GrantType);
        }

        // RFC 6749 §2.3.1: a client authenticating with HTTP Basic may leave client_id out of the body; if both name one, they must agree.
        var bodyClientId = request.Get(TokenRequestParameters.ClientId);
        var basicClientId = BasicCredentials.From(request.Authorization, out _)?.ClientId;
        if (bodyClientId is not null && basicClientId is not null && !bodyClientId.Equals(basicClientId, StringComparison.OrdinalIgnoreCase))
        {
            return AadstsErrors.ClientIdMismatch();
        }

        var clientId = bodyClientId ?? basicClientId;
        if (clientId is null)
        {
            return AadstsErrors.MissingParameter(TokenRequestParameters.ClientId);
        }

        var app = directory.FindApplication(clientId);
        if (app is null)
        {
            return AadstsErrors.UnknownApplication(clientId.Length > 64 ? clientId[..64] : clientId, request.Tenant.TenantId ?? directory.TenantId);
        }

        var credential = PresentedCredential.From(request);
        if (credential is null)
        {
            return AadstsErrors.MalformedRequest();
        }

        ScopeSet? requestedScopes = null;
        if (request.Get(TokenRequestParameters.Scope) is { } scope)
        {
            var (parsed, scopeError) = ScopeParser.Parse(scope, directory.Options.GraphScopes);
            if (scopeError is not null)
            {
                return scopeError;
            }

            requestedScopes = parsed;
        }

        var (claims, claimsError) = ClaimsRequest.Parse(request.Get(TokenRequestParameters.Claims));
        if (claimsError is not null)
        {
            return claimsError;
        }

        return grantType switch
        {
            TokenRequestParameters.AuthorizationCodeGrant => codeGrants.Validate(request, app, credential, requestedScopes, claims!),
            TokenRequestParameters.RefreshTokenGrant => refreshGrants.Validate(request, app, credential, requestedScopes, claims!),
            TokenRequestParameters.ClientCredentialsGrant => clientCredentials.Validate(request, app, credential, requestedScopes),
            _ => AadstsErrors.UnsupportedGrantType(grantType.Length > 64 ? grantType[..64] : grantType),
        };
    }
}
