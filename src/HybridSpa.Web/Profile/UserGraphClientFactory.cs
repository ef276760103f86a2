using HybridSpa.Web.Configuration;
using HybridSpa.Web.Http;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Identity.Abstractions;

namespace HybridSpa.Web.Profile;

/// <summary>Creates a <see cref="GraphServiceClient"/> acting for the signed-in user with a given set of scopes.</summary>
public sealed class UserGraphClientFactory(
    IHttpClientFactory httpClientFactory, IOptions<GraphApiOptions> graph, IAuthorizationHeaderProvider authorizationHeaders)
{
    /// <summary>
    /// A client for the signed-in user whose requests carry a token for <paramref name="scopes"/>, satisfying <paramref name="requiredClaims"/>
    /// (a JSON claims request) when set. A Graph claims challenge is answered by one retry with a token carrying its claims, or
    /// <see cref="ClaimsChallengeRequiredException"/> when that needs the user.
    /// </summary>
    public GraphServiceClient Create(IReadOnlyCollection<string> scopes, string? requiredClaims = null)
    {
        var provider = new UserTokenAuthenticationProvider(authorizationHeaders, scopes, new Uri(graph.Value.BaseUrl), requiredClaims);
        return new GraphServiceClient(httpClientFactory.CreateClient(HttpClientNames.Graph), provider, graph.Value.BaseUrl.TrimEnd('/'));
    }
}
