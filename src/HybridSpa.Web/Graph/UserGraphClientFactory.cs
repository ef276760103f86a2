using HybridSpa.Web.Configuration;
using HybridSpa.Web.Http;
using HybridSpa.Web.TokenAcquisition;
using Microsoft.Extensions.Options;
using Microsoft.Graph;

namespace HybridSpa.Web.Graph;

/// <summary>Creates a <see cref="GraphServiceClient"/> acting for the current user with a given set of scopes.</summary>
public sealed class UserGraphClientFactory(
    IHttpClientFactory httpClientFactory,
    IOptions<GraphApiOptions> graph,
    IUserTokenAcquisition tokenAcquisition,
    IHttpContextAccessor httpContextAccessor)
{
    /// <summary>The configured scopes.</summary>
    public IReadOnlyCollection<string> DefaultScopes => [.. graph.Value.Scopes];

    /// <summary>A client for the current user; <paramref name="scopes"/> defaults to the configured ones.</summary>
    public GraphServiceClient Create(IReadOnlyCollection<string>? scopes = null)
    {
        var user = httpContextAccessor.HttpContext?.User ?? throw new InvalidOperationException("Graph calls need a request with a signed-in user.");
        var baseUrl = new Uri(graph.Value.BaseUrl);
        var provider = new UserTokenAuthenticationProvider(tokenAcquisition, user, scopes ?? DefaultScopes, baseUrl);
        return new GraphServiceClient(httpClientFactory.CreateClient(HttpClientNames.Graph), provider, graph.Value.BaseUrl.TrimEnd('/'));
    }
}
