namespace HybridSpa.Web.Profile;

/// <summary>The <c>Profile:Mail</c> section: what <c>/profile/mail</c> demands beyond the sign-in.</summary>
public sealed class MailPageOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Profile:Mail";

    /// <summary>
    /// A Conditional Access authentication context id (<c>c1</c> … <c>c99</c>) the page steps up for: its Graph token must carry
    /// it in <c>acrs</c>. Empty: no step-up.
    /// </summary>
    public string AuthenticationContext { get; set; } = "";
}
