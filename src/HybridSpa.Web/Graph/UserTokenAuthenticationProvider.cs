using System.Security.Claims;
using HybridSpa.Web.TokenAcquisition;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace HybridSpa.Web.Graph;

/// <summary>Authenticates Graph requests with the signed-in user's token from MSAL.NET's cache, only towards the Graph host.</summary>
internal sealed class UserTokenAuthenticationProvider(
    IUserTokenAcquisition tokenAcquisition, ClaimsPrincipal user, IReadOnlyCollection<string> scopes, Uri graphBaseUrl) : IAuthenticationProvider
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

        var token = await tokenAcquisition.GetAccessTokenAsync(user, scopes, cancellationToken);
        request.Headers.Add("Authorization", "Bearer " + token);
    }
}
