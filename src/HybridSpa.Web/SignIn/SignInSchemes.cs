using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace HybridSpa.Web.SignIn;

/// <summary>The authentication schemes of the app.</summary>
public static class SignInSchemes
{
    /// <summary>The signed-in user's cookie.</summary>
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>Sign-in with Microsoft.Identity.Web over the official OpenID Connect handler; asks for a SPA code.</summary>
    public const string OpenIdConnect = OpenIdConnectDefaults.AuthenticationScheme;

    /// <summary>
    /// The same sign-in without asking for a SPA code, for accounts that cannot get one (AADSTS9000512). Identity.Web's
    /// <c>WithSpaAuthCode</c> is per scheme, so this is a second scheme on the same callback path.
    /// </summary>
    public const string OpenIdConnectWithoutSpaCode = OpenIdConnectDefaults.AuthenticationScheme + ".WithoutSpaCode";
}
