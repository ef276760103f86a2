namespace HybridSpa.EntraEmulator;

/// <summary>The development defaults of docs/architecture.md, in one place.</summary>
public static class DevelopmentDefaults
{
    /// <summary>The development tenant id.</summary>
    public const string TenantId = "6a1f4b0e-2d3c-4e5f-8a9b-0c1d2e3f4a5b";

    /// <summary>The web app's client id.</summary>
    public const string ClientId = "c2b7e3a9-4f1d-4b6e-9a8c-5d3e2f1a0b7c";

    /// <summary>The emulator-only client secret.</summary>
    public const string ClientSecret = "hybridspa-emulator-secret";

    /// <summary>The web app's Web redirect URI (its OpenID Connect callback).</summary>
    public const string WebRedirectUri = "https://localhost:5001/signin-oidc";

    /// <summary>The SPA redirect URI (the page that runs MSAL.js).</summary>
    public const string SpaRedirectUri = "https://localhost:5001/";

    /// <summary>The web app's signed-out callback.</summary>
    public const string PostLogoutRedirectUri = "https://localhost:5001/signout-callback-oidc";

    /// <summary>The web app's front-channel logout URL, which the logout page loads in a hidden iframe with <c>?sid=</c>.</summary>
    public const string FrontChannelLogoutUrl = "https://localhost:5001/signout-frontchannel";

    /// <summary>The in-process emulator's host name (a different site from https://localhost, as Entra is from the app).</summary>
    public const string Host = "login.dev.localhost";

    /// <summary>
    /// The host name of the emulator run as a program (the entra-emulator tool): every client's resolver answers localhost, while
    /// .NET's does not answer *.localhost on Linux; --Host login.dev.localhost gives browsers a separate site.
    /// </summary>
    public const string ProgramHost = "localhost";

    /// <summary>The emulator's port when run on its own.</summary>
    public const int Port = 5443;

    /// <summary>The home tenant of every personal Microsoft account.</summary>
    public const string ConsumersTenantId = "9188040d-6c67-4c5b-b112-36a304b66dad";

    /// <summary>Delegated Graph permissions recognised by default.</summary>
    public static IReadOnlyList<string> GraphScopes { get; } =
    [
        "User.Read", "User.ReadBasic.All", "User.Read.All", "Mail.Read", "Mail.Send", "Calendars.Read", "Contacts.Read", "Files.Read", "People.Read",
    ];

    /// <summary>The web app's registration: Web + SPA redirect URIs under one client id, a front-channel logout URL, <c>login_hint</c> and <c>sid</c> optional claims.</summary>
    public static AppRegistration CreateApplication() => new()
    {
        ClientId = ClientId,
        DisplayName = "HybridSpa (development)",
        ClientSecrets = [ClientSecret],
        WebRedirectUris = [WebRedirectUri],
        SpaRedirectUris = [SpaRedirectUri],
        PostLogoutRedirectUris = [PostLogoutRedirectUri],
        FrontChannelLogoutUrl = FrontChannelLogoutUrl,
        DefaultConsentedScopes = ["User.Read"],
        ApplicationPermissions = ["User.Read.All"],
    };

    /// <summary>Three users: a plain work account, one that needs consent and a password, and a personal Microsoft account.</summary>
    public static List<TestUser> CreateUsers() =>
    [
        new()
        {
            ObjectId = "87d349ed-44d7-43e1-9a83-5f2406dee5bd",
            UserPrincipalName = "AdeleV@hybridspa.onmicrosoft.com",
            DisplayName = "Adele Vance",
            GivenName = "Adele",
            Surname = "Vance",
            JobTitle = "Retail Manager",
            Mail = "AdeleV@hybridspa.onmicrosoft.com",
            MobilePhone = "+1 425 555 0109",
            OfficeLocation = "18/2111",
            PreferredLanguage = "en-US",
            BusinessPhones = ["+1 425 555 0109"],
            HasPhoto = true,
            Messages = DevelopmentMailboxes.AdeleMessages(),
            Contacts = DevelopmentMailboxes.AdeleContacts(),
        },
        new()
        {
            ObjectId = "5bde3e51-d13b-4db1-9948-fe4b109d11a7",
            UserPrincipalName = "AlexW@hybridspa.onmicrosoft.com",
            DisplayName = "Alex Wilber",
            GivenName = "Alex",
            Surname = "Wilber",
            JobTitle = "Marketing Assistant",
            Mail = "AlexW@hybridspa.onmicrosoft.com",
            OfficeLocation = "131/1104",
            PreferredLanguage = "en-US",
            BusinessPhones = ["+1 858 555 0110"],
            Password = "emulator",
            RequiresConsent = true,
            Messages = DevelopmentMailboxes.AlexMessages(),
            Contacts = DevelopmentMailboxes.AlexContacts(),
        },
        new()
        {
            ObjectId = "00000000-0000-0000-4e1f-3d2b8a7c6e5f",
            UserPrincipalName = "megan.bowen@outlook.com",
            DisplayName = "Megan Bowen",
            GivenName = "Megan",
            Surname = "Bowen",
            Mail = "megan.bowen@outlook.com",
            IsPersonalAccount = true,
            HasPhoto = true,
            Messages = DevelopmentMailboxes.MeganMessages(),
            Contacts = DevelopmentMailboxes.MeganContacts(),
        },
    ];
}
