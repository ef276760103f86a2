namespace HybridSpa.Web.Configuration;

/// <summary>
/// The absolute URIs registered for the app, all on the SPA redirect URI's origin: the app has exactly one public
/// origin, and building them from configuration (not from the request's Host header) keeps them stable.
/// </summary>
public static class PublicUris
{
    /// <summary>The path of <see cref="SilentRedirectUri"/>.</summary>
    public const string SilentCallbackPath = "/account/silent-callback";

    /// <summary>The Web redirect URI, e.g. <c>https://localhost:5001/signin-oidc</c>.</summary>
    public static string WebRedirectUri(SpaOptions spa, AzureAdOptions azureAd)
    {
        ArgumentNullException.ThrowIfNull(spa);
        ArgumentNullException.ThrowIfNull(azureAd);
        return spa.Origin + azureAd.CallbackPath;
    }

    /// <summary>The post-logout redirect URI, e.g. <c>https://localhost:5001/signout-callback-oidc</c>.</summary>
    public static string PostLogoutRedirectUri(SpaOptions spa, AzureAdOptions azureAd)
    {
        ArgumentNullException.ThrowIfNull(spa);
        ArgumentNullException.ThrowIfNull(azureAd);
        return spa.Origin + azureAd.SignedOutCallbackPath;
    }

    /// <summary>
    /// The page a hidden iframe lands on in the classic bootstrap (<c>AzureAd:WithSpaAuthCode=false</c>), e.g.
    /// <c>https://localhost:5001/account/silent-callback</c>; registered as a SPA redirect URI beside the SPA's own.
    /// </summary>
    public static string SilentRedirectUri(SpaOptions spa)
    {
        ArgumentNullException.ThrowIfNull(spa);
        return spa.Origin + SilentCallbackPath;
    }
}
