namespace HybridSpa.EndToEnd.Tests.Browser;

/// <summary>Whether the browser profile lets cross-site frames and requests use their cookies.</summary>
public enum ThirdPartyCookies
{
    /// <summary>Chromium's default since version 156: third-party cookies are blocked.</summary>
    Blocked,

    /// <summary>Set through the profile preference <c>profile.cookie_controls_mode = 0</c>, for comparisons.</summary>
    Allowed,
}
