namespace HybridSpa.EntraEmulator;

/// <summary>A user who can sign in, with the Graph profile /me returns and flags that drive negative flows.</summary>
public sealed class TestUser
{
    /// <summary>The object id (GUID): <c>oid</c> in tokens and <c>id</c> in Graph.</summary>
    public string ObjectId { get; set; } = "";

    /// <summary>The sign-in name, e.g. AdeleV@contoso.onmicrosoft.com.</summary>
    public string UserPrincipalName { get; set; } = "";

    /// <summary>Graph <c>displayName</c> and the token's <c>name</c>.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Graph <c>givenName</c>.</summary>
    public string? GivenName { get; set; }

    /// <summary>Graph <c>surname</c>.</summary>
    public string? Surname { get; set; }

    /// <summary>Graph <c>jobTitle</c>.</summary>
    public string? JobTitle { get; set; }

    /// <summary>Graph <c>mail</c>; also the <c>email</c> claim.</summary>
    public string? Mail { get; set; }

    /// <summary>Graph <c>mobilePhone</c>.</summary>
    public string? MobilePhone { get; set; }

    /// <summary>Graph <c>officeLocation</c>.</summary>
    public string? OfficeLocation { get; set; }

    /// <summary>Graph <c>preferredLanguage</c>.</summary>
    public string? PreferredLanguage { get; set; }

    /// <summary>Graph <c>businessPhones</c>.</summary>
    public List<string> BusinessPhones { get; set; } = [];

    /// <summary>When set, the sign-in page asks for this password; when null, a click signs the user in.</summary>
    public string? Password { get; set; }

    /// <summary>Whether Graph serves a (generated) photo for this user.</summary>
    public bool HasPhoto { get; set; }

    /// <summary>A personal Microsoft account: home tenant 9188040d-6c67-4c5b-b112-36a304b66dad, and no hybrid SPA code (AADSTS9000512).</summary>
    public bool IsPersonalAccount { get; set; }

    /// <summary>The user must go through the consent page before any scope is granted.</summary>
    public bool RequiresConsent { get; set; }

    /// <summary>Silent requests (<c>prompt=none</c>, refresh tokens) fail with interaction_required, as when Conditional Access asks for MFA.</summary>
    public bool InteractionRequiredOnSilent { get; set; }

    /// <summary>The mailbox Graph <c>/me/messages</c> lists (newest first).</summary>
    public List<MailboxMessage> Messages { get; set; } = [];

    /// <summary>The contacts Graph <c>/me/contacts</c> lists.</summary>
    public List<PersonalContact> Contacts { get; set; } = [];
}
