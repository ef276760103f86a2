using HybridSpa.Web.Http;
using Polly;

namespace HybridSpa.Web.Profile;

/// <summary>Registers server-side Microsoft Graph.</summary>
public static class GraphExtensions
{
    /// <summary>How long a page waits for one Graph call.</summary>
    public static readonly TimeSpan GraphTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Adds <see cref="UserGraphClientFactory"/> (base URL and scopes from <c>DownstreamApis:Graph</c>).</summary>
    public static WebApplicationBuilder AddServerSideGraph(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<UserGraphClientFactory>();

        // A Graph that does not answer is a 503 page that names Graph (GraphUnavailableException), within the timeout. No retry
        // here: the page is one user's request, and the user can retry it.
        builder.Services.AddHttpClient(HttpClientNames.Graph)
            .AddHttpMessageHandler(() => new GraphUnreachableHandler())
            .AddResilienceHandler(HttpClientNames.Graph, pipeline => pipeline.AddTimeout(GraphTimeout));
        return builder;
    }
}
