namespace HybridSpa.Web.Configuration;

/// <summary>The <c>DownstreamApis:Graph</c> section.</summary>
public sealed class GraphApiOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "DownstreamApis:Graph";

    /// <summary>Graph base URL, e.g. <c>https://graph.microsoft.com/v1.0</c>.</summary>
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>Delegated scopes requested at sign-in and for server-side calls.</summary>
    public IList<string> Scopes { get; } = [];

    /// <summary>How long a page waits for one server-side Graph call before its 503 page.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
