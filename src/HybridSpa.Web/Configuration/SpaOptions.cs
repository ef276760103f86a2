namespace HybridSpa.Web.Configuration;

/// <summary>The <c>Spa</c> section: what the browser half needs to know.</summary>
public sealed class SpaOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Spa";

    /// <summary>
    /// The SPA redirect URI registered for the app (e.g. <c>https://localhost:5001/</c>). Its origin is the app's
    /// public origin (<see cref="SignInSettings.PublicOrigin"/>).
    /// </summary>
    public string? RedirectUri { get; set; }
}
