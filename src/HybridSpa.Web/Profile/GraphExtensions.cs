using HybridSpa.Web.Configuration;
using HybridSpa.Web.Http;
using Microsoft.Extensions.Options;
using Polly;

namespace HybridSpa.Web.Profile;

/// <summary>Registers server-side Microsoft Graph.</summary>
public static class GraphExtensions
{
    /// <summary>Adds <see cref="UserGraphClientFactory"/> (base URL and scopes from <c>DownstreamApis:Graph</c>) and the mail page's options (<c>Profile:Mail</c>).</summary>
    public static WebApplicationBuilder AddServerSideGraph(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<UserGraphClientFactory>();
        builder.Services.AddOptions<MailPageOptions>().BindConfiguration(MailPageOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MailPageOptions>, MailPageOptionsValidator>();

        // A Graph that does not answer is a 503 page that names Graph (GraphUnavailableException), within the timeout. No retry
        // here: the page is one user's request, and the user can retry it.
        builder.Services.AddHttpClient(HttpClientNames.Graph)
            .AddHttpMessageHandler(() => new GraphUnreachableHandler())
            .AddResilienceHandler(HttpClientNames.Graph, (pipeline, context) =>
                pipeline.AddTimeout(context.ServiceProvider.GetRequiredService<IOptions<GraphApiOptions>>().Value.Timeout));
        return builder;
    }
}
