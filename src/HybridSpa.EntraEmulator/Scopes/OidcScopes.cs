namespace HybridSpa.EntraEmulator.Scopes;

/// <summary>The OpenID Connect scopes Entra handles itself rather than passing to a resource.</summary>
internal static class OidcScopes
{
    public const string OpenId = "openid";
    public const string Profile = "profile";
    public const string Email = "email";
    public const string OfflineAccess = "offline_access";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { OpenId, Profile, Email, OfflineAccess };
}
