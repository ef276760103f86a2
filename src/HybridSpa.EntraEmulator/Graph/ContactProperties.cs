using HybridSpa.EntraEmulator.Configuration;

namespace HybridSpa.EntraEmulator.Graph;

/// <summary>A personal contact as Graph writes it in <c>/me/contacts</c>: its default properties, in Graph's order.</summary>
internal static class ContactProperties
{
    public static GraphEntityType Type { get; } = new(
        "microsoft.graph.contact",
        [
            "@odata.etag", "id", "createdDateTime", "lastModifiedDateTime", "changeKey", "categories", "parentFolderId", "birthday", "fileAs",
            "displayName", "givenName", "initials", "middleName", "nickName", "surname", "title", "generation", "imAddresses", "jobTitle",
            "companyName", "department", "officeLocation", "profession", "businessHomePage", "assistantName", "manager", "homePhones",
            "mobilePhone", "businessPhones", "spouseName", "personalNotes", "children", "emailAddresses", "homeAddress", "businessAddress",
            "otherAddress",
        ],
        AlwaysIncluded: ["@odata.etag", "id"],
        Orderable: ["displayName", "givenName", "surname"],
        PageSize: 10,
        ParseErrorCode: "RequestBroker--ParseUri");

    public static string IdOf(PersonalContact contact, DirectoryMember owner, int index) =>
        contact.Id.Length > 0 ? contact.Id : GraphIds.Outlook("contact", owner.User.ObjectId, index);

    public static Dictionary<string, object?> Of(PersonalContact contact, string id, DirectoryMember owner)
    {
        var changeKey = GraphIds.ChangeKey(id);
        var initials = string.Concat(new[] { contact.GivenName, contact.Surname }.Where(n => !string.IsNullOrEmpty(n)).Select(n => n![0] + "."));
        return new Dictionary<string, object?>
        {
            ["@odata.etag"] = $"W/\"{changeKey}\"",
            ["id"] = id,
            ["createdDateTime"] = "2026-11-01T09:00:00Z",
            ["lastModifiedDateTime"] = "2026-11-01T09:00:00Z",
            ["changeKey"] = changeKey,
            ["categories"] = Array.Empty<string>(),
            ["parentFolderId"] = GraphIds.Outlook("contacts", owner.User.ObjectId, 0),
            ["birthday"] = null,
            ["fileAs"] = "",
            ["displayName"] = contact.DisplayName,
            ["givenName"] = contact.GivenName,
            ["initials"] = initials.Length > 0 ? initials : null,
            ["middleName"] = null,
            ["nickName"] = null,
            ["surname"] = contact.Surname,
            ["title"] = null,
            ["generation"] = null,
            ["imAddresses"] = Array.Empty<string>(),
            ["jobTitle"] = contact.JobTitle,
            ["companyName"] = contact.CompanyName,
            ["department"] = null,
            ["officeLocation"] = null,
            ["profession"] = null,
            ["businessHomePage"] = null,
            ["assistantName"] = null,
            ["manager"] = null,
            ["homePhones"] = Array.Empty<string>(),
            ["mobilePhone"] = contact.MobilePhone,
            ["businessPhones"] = contact.BusinessPhones.ToArray(),
            ["spouseName"] = null,
            ["personalNotes"] = "",
            ["children"] = Array.Empty<string>(),
            ["emailAddresses"] = contact.EmailAddresses.Select(a => new Dictionary<string, string> { ["name"] = contact.DisplayName, ["address"] = a }).ToArray(),
            ["homeAddress"] = new Dictionary<string, string>(),
            ["businessAddress"] = new Dictionary<string, string>(),
            ["otherAddress"] = new Dictionary<string, string>(),
        };
    }

    /// <summary>The value <c>$orderby</c> sorts on.</summary>
    public static object SortKey(PersonalContact contact, string property) => property switch
    {
        "givenName" => contact.GivenName ?? "",
        "surname" => contact.Surname ?? "",
        _ => contact.DisplayName,
    };
}
