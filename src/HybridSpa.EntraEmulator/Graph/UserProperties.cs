using HybridSpa.EntraEmulator.Configuration;

namespace HybridSpa.EntraEmulator.Graph;

/// <summary>The Graph user properties the emulator serves: the 11 defaults of <c>GET /me</c> and <c>/users/{id}</c>, in Graph's order.</summary>
internal static class UserProperties
{
    public static GraphEntityType Type { get; } = new(
        "microsoft.graph.user",
        [
            "businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname",
            "userPrincipalName", "id",
        ],
        AlwaysIncluded: [],
        Orderable: [],
        PageSize: 100,
        ParseErrorCode: "BadRequest");

    /// <summary>The user as the member of one tenant: a guest has that tenant's object id and #EXT# user principal name.</summary>
    public static Dictionary<string, object?> Of(DirectoryMember member) => new()
    {
        ["businessPhones"] = member.User.BusinessPhones.ToArray(),
        ["displayName"] = member.User.DisplayName,
        ["givenName"] = member.User.GivenName,
        ["jobTitle"] = member.User.JobTitle,
        ["mail"] = member.User.Mail,
        ["mobilePhone"] = member.User.MobilePhone,
        ["officeLocation"] = member.User.OfficeLocation,
        ["preferredLanguage"] = member.User.PreferredLanguage,
        ["surname"] = member.User.Surname,
        ["userPrincipalName"] = member.UserPrincipalName,
        ["id"] = member.ObjectId,
    };
}
