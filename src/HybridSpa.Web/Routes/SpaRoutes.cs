namespace HybridSpa.Web.Routes;

/// <summary>
/// The paths the SPA calls or links to. The controllers declare their routes with these constants and the bootstrap hands
/// them to the SPA (contracts/bootstrap.schema.json), so no path is spelled twice.
/// </summary>
public static class SpaRoutes
{
    /// <summary>The SPA host page.</summary>
    public const string HostPage = "/";

    /// <summary>The server-rendered profile.</summary>
    public const string Profile = "/profile";

    /// <summary>The server-rendered profile with the newest mail (incremental consent).</summary>
    public const string ProfileMail = "/profile/mail";

    /// <summary>The top-level prompt=none round trip that comes back with a new SPA code.</summary>
    public const string FreshSpaCode = "/account/spa-code";

    /// <summary>The sign-out endpoint (a form POST with the antiforgery field).</summary>
    public const string SignOut = "/account/signout";

    /// <summary>
    /// The classic bootstrap's silent redirect URI's path (<c>AzureAd:WithSpaAuthCode=false</c>): the page a hidden iframe lands
    /// on, registered as a SPA redirect URI beside the SPA's own.
    /// </summary>
    public const string SilentCallback = "/account/silent-callback";

    /// <summary>Whether the cookie still holds a session (contracts/session-status.schema.json), asked before each Graph call.</summary>
    public const string SessionStatus = "/account/session";

    /// <summary>The signed-out page: where the sign-out ends, and where a tab whose session ended elsewhere goes.</summary>
    public const string SignedOut = "/account/signed-out";

    /// <summary>Where the SPA gets the sign-out form's antiforgery field (contracts/signout-antiforgery.schema.json).</summary>
    public const string SignOutAntiforgery = "/account/signout/antiforgery";
}
