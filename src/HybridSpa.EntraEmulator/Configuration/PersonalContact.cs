namespace HybridSpa.EntraEmulator;

/// <summary>A personal contact of a test user, served by Graph <c>GET /me/contacts</c> (Contacts.Read).</summary>
public sealed class PersonalContact
{
    /// <summary>Graph <c>id</c>; empty derives a stable id from the user and the contact's position.</summary>
    public string Id { get; set; } = "";

    /// <summary>Graph <c>displayName</c>.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Graph <c>givenName</c>.</summary>
    public string? GivenName { get; set; }

    /// <summary>Graph <c>surname</c>.</summary>
    public string? Surname { get; set; }

    /// <summary>Graph <c>jobTitle</c>.</summary>
    public string? JobTitle { get; set; }

    /// <summary>Graph <c>companyName</c>.</summary>
    public string? CompanyName { get; set; }

    /// <summary>Graph <c>mobilePhone</c>.</summary>
    public string? MobilePhone { get; set; }

    /// <summary>Graph <c>businessPhones</c>.</summary>
    public List<string> BusinessPhones { get; set; } = [];

    /// <summary>Graph <c>emailAddresses</c> (each listed with the contact's display name).</summary>
    public List<string> EmailAddresses { get; set; } = [];
}
