namespace HybridSpa.Web.Authentication.EntraSignIn;

/// <summary>What the handler asks the token endpoint to do with an authorization code.</summary>
/// <param name="Code">The single-use authorization code.</param>
/// <param name="CodeVerifier">The PKCE verifier kept in the protected state.</param>
/// <param name="RedirectUri">The redirect URI sent on the authorize request.</param>
/// <param name="Scopes">Resource scopes (OIDC scopes are added by the redeemer).</param>
/// <param name="RequestSpaCode">Whether to ask for a hybrid SPA code.</param>
public sealed record CodeRedemptionRequest(
    string Code, string CodeVerifier, string RedirectUri, IReadOnlyCollection<string> Scopes, bool RequestSpaCode);

/// <summary>What came back from the token endpoint.</summary>
/// <param name="IdToken">The raw id_token, not validated yet.</param>
/// <param name="AccessToken">The access token, used for the <c>at_hash</c> check.</param>
/// <param name="SpaCode">The hybrid SPA code, when one was requested and granted.</param>
/// <param name="ClientInfoUid">The <c>uid</c> from <c>client_info</c>.</param>
/// <param name="ClientInfoUtid">The <c>utid</c> from <c>client_info</c>.</param>
public sealed record CodeRedemptionResult(
    string IdToken, string AccessToken, string? SpaCode, string? ClientInfoUid, string? ClientInfoUtid);

/// <summary>Redeems an authorization code at the token endpoint (MSAL.NET in this app, so tokens land in its cache).</summary>
public interface IAuthorizationCodeRedeemer
{
    /// <summary>Redeems the code; throws <see cref="EntraProtocolException"/> when the token endpoint refuses.</summary>
    Task<CodeRedemptionResult> RedeemAsync(CodeRedemptionRequest request, CancellationToken cancellationToken);
}
