using HybridSpa.Web.Errors;
using Microsoft.Identity.Abstractions;
using Microsoft.Identity.Client;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace HybridSpa.Web.Profile;

/// <summary>
/// Authenticates Graph requests with the signed-in user's token from Identity.Web's token cache (Microsoft.Identity.Web.GraphServiceClient,
/// which does this, is not served here), and only towards the Graph host. <paramref name="requiredClaims"/>, when set, is a claims
/// request every token must satisfy (an authentication context).
/// </summary>
internal sealed class UserTokenAuthenticationProvider(
    IAuthorizationHeaderProvider authorizationHeaders, IReadOnlyCollection<string> scopes, Uri graphBaseUrl, string? requiredClaims = null)
    : IAuthenticationProvider
{
    /// <summary>Where Kiota puts the claims of Graph's 401 challenge when it retries the request once (base64, as in the header).</summary>
    private const string ChallengedClaimsKey = "claims";

    private const string AuthorizationHeader = "Authorization";

    public async Task AuthenticateRequestAsync(
        RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        // A follow-up link pointing elsewhere must not receive the user's token.
        if (!string.Equals(request.URI.Authority, graphBaseUrl.Authority, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Refusing to send a Graph token to '{request.URI.Authority}'.");
        }

        var claims = additionalAuthenticationContext?.GetValueOrDefault(ChallengedClaimsKey) is string challenged
            ? ClaimsChallenge.Decode(challenged)
            : requiredClaims;
        string header;
        try
        {
            // With claims MSAL skips the cached access token and asks the identity provider with the refresh token: silently when it can.
            header = await authorizationHeaders.CreateAuthorizationHeaderForUserAsync(
                scopes,
                claims is null ? null : new AuthorizationHeaderProviderOptions { AcquireTokenOptions = new AcquireTokenOptions { Claims = claims } },
                cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (claims is not null && ExceptionCauses.Any(ex, cause => cause is MsalUiRequiredException))
        {
            throw new ClaimsChallengeRequiredException(claims, scopes, ex);
        }

        request.Headers.Remove(AuthorizationHeader);
        request.Headers.Add(AuthorizationHeader, header);
    }
}
