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
    /// <summary>A client for the signed-in user whose requests carry a token for <paramref name="scopes"/>.</summary>
    public GraphServiceClient Create(IReadOnlyCollection<string> scopes)
    {
        var provider = new UserTokenAuthenticationProvider(authorizationHeaders, scopes, new Uri(graph.Value.BaseUrl));
        return new GraphServiceClient(httpClientFactory.CreateClient(HttpClientNames.Graph), provider, graph.Value.BaseUrl.TrimEnd('/'));
    }
}
