using System.Security.Claims;

namespace HybridSpa.Web.TokenAcquisition;

/// <summary>Reads the claims that tie a cookie principal to its MSAL.NET account and its identity provider session.</summary>
public static class UserClaims
{
    /// <summary>MSAL.NET's home account id, <c>{uid}.{utid}</c> from client_info.</summary>
    public static string? HomeAccountId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var uid = user.FindFirst("uid")?.Value;
        var utid = user.FindFirst("utid")?.Value;
        return string.IsNullOrEmpty(uid) || string.IsNullOrEmpty(utid) ? null : $"{uid}.{utid}";
    }

    /// <summary>The <c>login_hint</c> optional claim, falling back to <c>preferred_username</c>.</summary>
    public static string? LoginHint(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst("login_hint")?.Value ?? user.FindFirst("preferred_username")?.Value;
    }
}
