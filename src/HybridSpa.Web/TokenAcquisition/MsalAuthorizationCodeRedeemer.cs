using HybridSpa.Web.Authentication.EntraSignIn;
using Microsoft.Identity.Client;

namespace HybridSpa.Web.TokenAcquisition;

/// <summary>Redeems the sign-in code with MSAL.NET, so the user's tokens land in its cache (and the SPA code comes back).</summary>
internal sealed class MsalAuthorizationCodeRedeemer(IConfidentialClientApplication application) : IAuthorizationCodeRedeemer
{
    public async Task<CodeRedemptionResult> RedeemAsync(CodeRedemptionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // MSAL.NET sends the redirect URI it was built with; a different one on the authorize request would fail at Entra anyway.
        if (!string.Equals(application.AppConfig.RedirectUri, request.RedirectUri, StringComparison.Ordinal))
        {
            throw new EntraProtocolException("redirect_uri_mismatch", null, null);
        }

        try
        {
            var result = await application.AcquireTokenByAuthorizationCode(request.Scopes, request.Code)
                .WithPkceCodeVerifier(request.CodeVerifier)
                .WithSpaAuthorizationCode(request.RequestSpaCode)
                .ExecuteAsync(cancellationToken);
            var homeAccount = result.Account?.HomeAccountId;
            return new CodeRedemptionResult(result.IdToken, result.AccessToken, result.SpaAuthCode, homeAccount?.ObjectId, homeAccount?.TenantId);
        }
        catch (MsalServiceException ex)
        {
            throw new EntraProtocolException(ex.ErrorCode, ex.Message, ex.CorrelationId, ex);
        }
        catch (MsalClientException ex)
        {
            throw new EntraProtocolException(ex.ErrorCode, null, null, ex);
        }
    }
}
