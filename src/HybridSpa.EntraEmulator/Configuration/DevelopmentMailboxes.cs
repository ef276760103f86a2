namespace HybridSpa.EntraEmulator;

/// <summary>The default users' messages and contacts, so Graph's mail and contacts calls have something to show.</summary>
public static class DevelopmentMailboxes
{
    /// <summary>Adele's inbox: six messages, so "the five newest" leaves one out.</summary>
    public static List<MailboxMessage> AdeleMessages() =>
    [
        Message("Quarterly retail review: agenda", "Megan Bowen", "MeganB@hybridspa.onmicrosoft.com", "2026-11-27T16:42:00Z",
            "Hi Adele, here is the agenda for Thursday's review. Please bring the store numbers for October."),
        Message("Store opening checklist", "Alex Wilber", "AlexW@hybridspa.onmicrosoft.com", "2026-11-27T09:15:00Z",
            "The checklist for the Redmond store opening is attached; two items still need an owner.", hasAttachments: true),
        Message("Your expense report was approved", "Contoso Expenses", "expenses@hybridspa.onmicrosoft.com", "2026-11-26T18:03:00Z",
            "Expense report ER-2291 (1,284.50 USD) was approved and will be paid with the next payroll.", isRead: true),
        Message("Lunch on Friday?", "Alex Wilber", "AlexW@hybridspa.onmicrosoft.com", "2026-11-26T11:30:00Z",
            "Are you free for lunch on Friday? The new place across the street has opened.", isRead: true),
        Message("Holiday staffing plan", "Megan Bowen", "MeganB@hybridspa.onmicrosoft.com", "2026-11-25T14:20:00Z",
            "Draft staffing plan for December. Please review the weekend shifts before Monday.", importance: "high"),
        Message("Welcome to HybridSpa Development", "HybridSpa IT", "it@hybridspa.onmicrosoft.com", "2026-11-20T08:00:00Z",
            "Your account is ready. This mailbox is served by the local Entra ID + Graph emulator.", isRead: true),
    ];

    /// <summary>Alex's inbox.</summary>
    public static List<MailboxMessage> AlexMessages() =>
    [
        Message("Campaign assets for review", "Adele Vance", "AdeleV@hybridspa.onmicrosoft.com", "2026-11-27T13:05:00Z",
            "The holiday campaign banners are ready for your review."),
        Message("Re: Lunch on Friday?", "Adele Vance", "AdeleV@hybridspa.onmicrosoft.com", "2026-11-26T12:02:00Z",
            "Friday works. Let's meet at noon.", isRead: true),
        Message("Marketing sync moved", "Megan Bowen", "MeganB@hybridspa.onmicrosoft.com", "2026-11-24T10:45:00Z",
            "This week's marketing sync moves to Wednesday 3 pm."),
    ];

    /// <summary>Megan's (personal account) inbox.</summary>
    public static List<MailboxMessage> MeganMessages() =>
    [
        Message("Your order has shipped", "Fourth Coffee", "orders@fourthcoffee.example", "2026-11-27T19:10:00Z",
            "Good news: your order #44812 has shipped and should arrive on Monday."),
        Message("Book club this week", "Sara Davis", "sara.davis@outlook.com", "2026-11-26T20:30:00Z",
            "We're meeting at my place on Thursday. Bring snacks!", isRead: true),
        Message("Your monthly statement", "Woodgrove Bank", "statements@woodgrovebank.example", "2026-11-23T07:00:00Z",
            "Your November statement is available online.", isRead: true),
    ];

    /// <summary>Adele's contacts.</summary>
    public static List<PersonalContact> AdeleContacts() =>
    [
        new()
        {
            DisplayName = "Alex Wilber", GivenName = "Alex", Surname = "Wilber", JobTitle = "Marketing Assistant", CompanyName = "HybridSpa",
            BusinessPhones = ["+1 858 555 0110"], EmailAddresses = ["AlexW@hybridspa.onmicrosoft.com"],
        },
        new()
        {
            DisplayName = "Megan Bowen", GivenName = "Megan", Surname = "Bowen", JobTitle = "Marketing Manager", CompanyName = "HybridSpa",
            MobilePhone = "+1 412 555 0109", EmailAddresses = ["MeganB@hybridspa.onmicrosoft.com"],
        },
        new()
        {
            DisplayName = "Patti Fernandez", GivenName = "Patti", Surname = "Fernandez", JobTitle = "President", CompanyName = "Fourth Coffee",
            BusinessPhones = ["+1 425 555 0134"], EmailAddresses = ["patti@fourthcoffee.example"],
        },
    ];

    /// <summary>Alex's contacts.</summary>
    public static List<PersonalContact> AlexContacts() =>
    [
        new()
        {
            DisplayName = "Adele Vance", GivenName = "Adele", Surname = "Vance", JobTitle = "Retail Manager", CompanyName = "HybridSpa",
            BusinessPhones = ["+1 425 555 0109"], EmailAddresses = ["AdeleV@hybridspa.onmicrosoft.com"],
        },
    ];

    /// <summary>Megan's contacts.</summary>
    public static List<PersonalContact> MeganContacts() =>
    [
        new() { DisplayName = "Sara Davis", GivenName = "Sara", Surname = "Davis", EmailAddresses = ["sara.davis@outlook.com"] },
    ];

    private static MailboxMessage Message(
        string subject, string fromName, string fromAddress, string received, string preview, bool isRead = false, string importance = "normal", bool hasAttachments = false) => new()
    {
        Subject = subject,
        FromName = fromName,
        FromAddress = fromAddress,
        ReceivedDateTime = DateTimeOffset.Parse(received, System.Globalization.CultureInfo.InvariantCulture),
        BodyPreview = preview,
        IsRead = isRead,
        Importance = importance,
        HasAttachments = hasAttachments,
    };
}
