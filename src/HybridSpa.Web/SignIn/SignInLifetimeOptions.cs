namespace HybridSpa.Web.SignIn;

/// <summary>The <c>SignIn</c> section: how long a sign-in lasts on this app.</summary>
public sealed class SignInLifetimeOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "SignIn";

    /// <summary>
    /// The longest a sign-in is accepted after it happened, however continuously it is used (the cookie's sliding expiry alone
    /// would renew it forever); then the user signs in again. 12 hours unless configured.
    /// </summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);
}
