namespace HybridSpa.Web.HandOff;

/// <summary>What the sign-in callback leaves for the page that boots the SPA.</summary>
/// <param name="SpaCode">The single-use hybrid SPA code, or null.</param>
/// <param name="LoginHint">The <c>login_hint</c> claim (fallback <c>preferred_username</c>).</param>
/// <param name="Sid">The identity provider session id claim.</param>
/// <param name="BootstrapByRedirect">The IdP issued no SPA code for this sign-in: the SPA must sign in with a redirect.</param>
public sealed record SpaHandOff(string? SpaCode, string? LoginHint, string? Sid, bool BootstrapByRedirect)
{
    /// <summary>No hand-off: the page renders from the signed-in user's own claims.</summary>
    public static SpaHandOff None { get; } = new(null, null, null, false);
}
