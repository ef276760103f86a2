using System.Security.Claims;

namespace HybridSpa.Web.HandOff;

/// <summary>Reads the claims the hybrid flow hands on: the login hint and the identity provider's session.</summary>
public static class UserClaims
{
    /// <summary>The tenant of personal Microsoft accounts.</summary>
    public const string ConsumerTenantId = "9188040d-6c67-4c5b-b112-36a304b66dad";

    /// <summary>The <c>login_hint</c> optional claim, falling back to <c>preferred_username</c>.</summary>
    public static string? LoginHint(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst("login_hint")?.Value ?? user.FindFirst("preferred_username")?.Value;
    }

    /// <summary>The identity provider's session id (<c>sid</c>).</summary>
    public static string? SessionId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst("sid")?.Value;
    }
}
