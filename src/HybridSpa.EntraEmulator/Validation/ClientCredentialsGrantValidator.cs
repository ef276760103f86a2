using HybridSpa.EntraEmulator.Errors;
using HybridSpa.EntraEmulator.Scopes;

namespace HybridSpa.EntraEmulator.Validation;

/// <summary>
/// <c>grant_type=client_credentials</c>: a confidential client (secret or certificate assertion, never from a browser) asks for
/// <c>{resource}/.default</c> at its tenant and gets an app-only token carrying the application permissions granted to it.
/// </summary>
internal sealed class ClientCredentialsGrantValidator(ClientAuthenticator clients)
{
    public TokenRequestValidationResult Validate(TokenRequest request, AppRegistration app, PresentedCredential credential, ScopeSet? scopes)
    {
        var (method, clientError) = clients.AuthenticateForGrant(isSpaGrant: false, app, credential, request);
        if (clientError is not null)
        {
            return clientError;
        }

        var scope = request.Get(TokenRequestParameters.Scope);
        if (scopes is null || scope is null)
        {
            return AadstsErrors.MissingParameter(TokenRequestParameters.Scope);
        }

        if (!scopes.IsDefault || scopes.Oidc.Count > 0 || scopes.Graph.Count > 0)
        {
            return AadstsErrors.ClientCredentialsScopeNotDefault(scope.Length > 200 ? scope[..200] : scope);
        }

        // An app-only token is for one work tenant: the one whose administrator granted the permissions.
        if (request.Tenant.TenantId is not { } tenantId || tenantId == DevelopmentDefaults.ConsumersTenantId)
        {
            return AadstsErrors.ClientCredentialsNeedTenant(app.ClientId, app.DisplayName);
        }

        return TokenRequestValidationResult.Success(
            new ValidatedClientCredentialsRequest(app, tenantId, [.. app.ApplicationPermissions], method, request.IpAddress));
    }
}
