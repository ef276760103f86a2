namespace HybridSpa.Web.Authentication.EntraSignIn;

/// <summary>Constants of the Entra sign-in scheme.</summary>
public static class EntraSignInDefaults
{
    /// <summary>Default scheme name.</summary>
    public const string AuthenticationScheme = "EntraSignIn";

    /// <summary>Default display name.</summary>
    public const string DisplayName = "Microsoft Entra ID";

    /// <summary>Default Web redirect path.</summary>
    public const string CallbackPath = "/signin-oidc";

    /// <summary>Default post-logout redirect path.</summary>
    public const string SignedOutCallbackPath = "/signout-callback-oidc";

    /// <summary>Nonce cookie prefix, the one ASP.NET Core's handler uses so proxies and docs recognise it.</summary>
    public const string CookieNoncePrefix = ".AspNetCore.OpenIdConnect.Nonce.";

    /// <summary>The consumer (Microsoft account) tenant id.</summary>
    public const string ConsumerTenantId = "9188040d-6c67-4c5b-b112-36a304b66dad";

    internal const string CodeVerifierKey = "code_verifier";
    internal const string RedirectUriKey = ".entra.redirect_uri";
    internal const string ScopesKey = ".entra.scopes";
    internal const string PromptKey = ".entra.prompt";
    internal const string LoginHintKey = ".entra.login_hint";
    internal const string SpaCodeDisabledKey = ".entra.spa_code_disabled";

    /// <summary>Properties items that only live inside the protected state and never reach the auth cookie.</summary>
    internal static readonly string[] StateOnlyKeys =
        [CodeVerifierKey, RedirectUriKey, ScopesKey, PromptKey, LoginHintKey, SpaCodeDisabledKey];
}
