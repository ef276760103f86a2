namespace HybridSpa.Web.Profile;

/// <summary>Registers server-side Microsoft Graph.</summary>
public static class GraphExtensions
{
    /// <summary>Adds <see cref="UserGraphClientFactory"/> (base URL and scopes from <c>DownstreamApis:Graph</c>).</summary>
    public static WebApplicationBuilder AddServerSideGraph(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<UserGraphClientFactory>();
        return builder;
    }
}
