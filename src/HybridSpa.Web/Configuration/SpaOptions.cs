namespace HybridSpa.Web.Configuration;

/// <summary>The <c>Spa</c> section: what the browser half needs to know.</summary>
public sealed class SpaOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Spa";

    /// <summary>
    /// The SPA redirect URI registered for the app (e.g. <c>https://localhost:5001/</c>). Its origin is the app's
    /// public origin, from which the Web redirect URI and the post-logout redirect URI are derived.
    /// </summary>
    public string? RedirectUri { get; set; }

    /// <summary>The app's public origin (scheme, host and port of <see cref="RedirectUri"/>).</summary>
    public string Origin => new Uri(RedirectUri!).GetLeftPart(UriPartial.Authority);
}
