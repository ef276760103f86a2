using Microsoft.Identity.Abstractions;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace HybridSpa.Web.Profile;

/// <summary>
/// Authenticates Graph requests with the signed-in user's token from Identity.Web's token cache (Microsoft.Identity.Web.GraphServiceClient,
/// which does this, is not served here), and only towards the Graph host.
/// </summary>
internal sealed class UserTokenAuthenticationProvider(
    IAuthorizationHeaderProvider authorizationHeaders, IReadOnlyCollection<string> scopes, Uri graphBaseUrl) : IAuthenticationProvider
{
    public async Task AuthenticateRequestAsync(
        RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        // A follow-up link pointing elsewhere must not receive the user's token.
        if (!string.Equals(request.URI.Authority, graphBaseUrl.Authority, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Refusing to send a Graph token to '{request.URI.Authority}'.");
        }

        var header = await authorizationHeaders.CreateAuthorizationHeaderForUserAsync(scopes, cancellationToken: cancellationToken);
        request.Headers.Add("Authorization", header);
    }
}
