using Microsoft.Identity.Web;

namespace HybridSpa.Web.Configuration;

/// <summary>
/// The sign-in's settings as the app uses them, resolved once from Identity.Web's own binding of the <c>AzureAd</c> section (the
/// default scheme's <see cref="MicrosoftIdentityOptions"/>) and the public origin of <c>Spa:RedirectUri</c>: every part that
/// needs the authority, the identity provider's origin, a callback or whether a SPA code is asked for reads it here.
/// </summary>
public sealed class SignInSettings
{
    private SignInSettings(MicrosoftIdentityOptions identityWeb, SpaOptions spa)
    {
        var (instance, tenantId) = InstanceAndTenant(identityWeb);
        var instanceUri = new Uri(instance!);
        ClientId = identityWeb.ClientId!;
        TenantId = tenantId!;
        Authority = $"{instanceUri.AbsoluteUri.TrimEnd('/')}/{tenantId}/";
        IdentityProviderOrigin = instanceUri.GetLeftPart(UriPartial.Authority);
        KnownAuthority = instanceUri.Authority;
        CallbackPath = identityWeb.CallbackPath;
        SignedOutCallbackPath = identityWeb.SignedOutCallbackPath;
        SpaCodeRequested = identityWeb.WithSpaAuthCode;
        PublicOrigin = new Uri(spa.RedirectUri!).GetLeftPart(UriPartial.Authority);
        SpaRedirectUri = spa.RedirectUri!;
    }

    /// <summary>Application (client) id.</summary>
    public string ClientId { get; }

    /// <summary>Tenant GUID, or <c>organizations</c>/<c>common</c>/<c>consumers</c>.</summary>
    public string TenantId { get; }

    /// <summary>The authority in MSAL's form, <c>{Instance}{TenantId}/</c>.</summary>
    public string Authority { get; }

    /// <summary>The identity provider's origin (scheme, host and port of the instance).</summary>
    public string IdentityProviderOrigin { get; }

    /// <summary>The identity provider's <c>host[:port]</c>, as MSAL.js's <c>knownAuthorities</c> names it.</summary>
    public string KnownAuthority { get; }

    /// <summary>Web redirect path that receives the form_post.</summary>
    public PathString CallbackPath { get; }

    /// <summary>Path the identity provider returns to after sign-out.</summary>
    public PathString SignedOutCallbackPath { get; }

    /// <summary>Whether the sign-in asks the token endpoint for a hybrid SPA code (<c>AzureAd:WithSpaAuthCode</c>).</summary>
    public bool SpaCodeRequested { get; }

    /// <summary>
    /// The app's one public origin, that of the SPA redirect URI: every URI the sign-in hands out is built from it, never from
    /// the request's Host header, which a proxy may change.
    /// </summary>
    public string PublicOrigin { get; }

    /// <summary>The SPA redirect URI registered for the app (<c>Spa:RedirectUri</c>), e.g. <c>https://localhost:5001/</c>.</summary>
    public string SpaRedirectUri { get; }

    /// <summary>The Web redirect URI, e.g. <c>https://localhost:5001/signin-oidc</c>.</summary>
    public string WebRedirectUri => PublicOrigin + CallbackPath;

    /// <summary>The post-logout redirect URI, e.g. <c>https://localhost:5001/signout-callback-oidc</c>.</summary>
    public string PostLogoutRedirectUri => PublicOrigin + SignedOutCallbackPath;

    /// <summary>An absolute URI on the public origin for one of the app's own paths.</summary>
    public string PublicUri(string path) => PublicOrigin + path;

    /// <summary>Resolves the settings from the validated options.</summary>
    public static SignInSettings Resolve(MicrosoftIdentityOptions identityWeb, SpaOptions spa)
    {
        ArgumentNullException.ThrowIfNull(identityWeb);
        ArgumentNullException.ThrowIfNull(spa);
        return new SignInSettings(identityWeb, spa);
    }

    /// <summary>
    /// <c>Instance</c> and <c>TenantId</c> as configured, or, where the section gives an <c>Authority</c> instead (Identity.Web's
    /// other documented form), read out of <c>{instance}/{tenant}/v2.0</c> as Identity.Web itself does.
    /// </summary>
    internal static (string? Instance, string? TenantId) InstanceAndTenant(MicrosoftIdentityOptions identityWeb)
    {
        if (!string.IsNullOrEmpty(identityWeb.Instance) || !Uri.TryCreate(identityWeb.Authority, UriKind.Absolute, out var authority))
        {
            return (identityWeb.Instance, identityWeb.TenantId);
        }

        return (authority.GetLeftPart(UriPartial.Authority) + "/", authority.AbsolutePath.Split('/', StringSplitOptions.None)[1]);
    }
}
