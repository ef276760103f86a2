namespace HybridSpa.EntraEmulator.Graph;

/// <summary>The Graph user properties the emulator serves: the 11 defaults of <c>GET /me</c>, in Graph's order.</summary>
internal static class UserProperties
{
    public static readonly string[] DefaultNames =
    [
        "businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname",
        "userPrincipalName", "id",
    ];

    public static string? Canonical(string name) => DefaultNames.FirstOrDefault(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));

    public static Dictionary<string, object?> Of(TestUser user) => new()
    {
        ["businessPhones"] = user.BusinessPhones.ToArray(),
        ["displayName"] = user.DisplayName,
        ["givenName"] = user.GivenName,
        ["jobTitle"] = user.JobTitle,
        ["mail"] = user.Mail,
        ["mobilePhone"] = user.MobilePhone,
        ["officeLocation"] = user.OfficeLocation,
        ["preferredLanguage"] = user.PreferredLanguage,
        ["surname"] = user.Surname,
        ["userPrincipalName"] = user.UserPrincipalName,
        ["id"] = user.ObjectId,
    };
}
