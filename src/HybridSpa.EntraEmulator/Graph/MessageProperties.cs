using System.Globalization;
using HybridSpa.EntraEmulator.Configuration;

namespace HybridSpa.EntraEmulator.Graph;

/// <summary>A mailbox message as Graph writes it in <c>/me/messages</c>: its default properties, in Graph's order.</summary>
internal static class MessageProperties
{
    public static GraphEntityType Type { get; } = new(
        "microsoft.graph.message",
        [
            "@odata.etag", "id", "createdDateTime", "lastModifiedDateTime", "changeKey", "categories", "receivedDateTime", "sentDateTime", "hasAttachments",
            "internetMessageId", "subject", "bodyPreview", "importance", "parentFolderId", "conversationId", "isDeliveryReceiptRequested",
            "isReadReceiptRequested", "isRead", "isDraft", "webLink", "inferenceClassification", "body", "sender", "from", "toRecipients",
            "ccRecipients", "bccRecipients", "replyTo", "flag",
        ],
        AlwaysIncluded: ["@odata.etag", "id"],
        Orderable: ["receivedDateTime", "sentDateTime", "subject"],
        PageSize: 10,
        ParseErrorCode: "RequestBroker--ParseUri");

    public static string IdOf(MailboxMessage message, DirectoryMember owner, int index) =>
        message.Id.Length > 0 ? message.Id : GraphIds.Outlook("message", owner.User.ObjectId, index);

    public static Dictionary<string, object?> Of(MailboxMessage message, string id, DirectoryMember owner)
    {
        var received = Timestamp(message.ReceivedDateTime);
        var changeKey = GraphIds.ChangeKey(id);
        var from = Recipient(message.FromName, message.FromAddress);
        return new Dictionary<string, object?>
        {
            ["@odata.etag"] = $"W/\"{changeKey}\"",
            ["id"] = id,
            ["createdDateTime"] = received,
            ["lastModifiedDateTime"] = received,
            ["changeKey"] = changeKey,
            ["categories"] = Array.Empty<string>(),
            ["receivedDateTime"] = received,
            ["sentDateTime"] = received,
            ["hasAttachments"] = message.HasAttachments,
            ["internetMessageId"] = $"<{changeKey.TrimEnd('=')}@emulator.hybridspa>",
            ["subject"] = message.Subject,
            ["bodyPreview"] = message.BodyPreview,
            ["importance"] = message.Importance,
            ["parentFolderId"] = GraphIds.Outlook("inbox", owner.User.ObjectId, 0),
            ["conversationId"] = GraphIds.Outlook("conversation", id, 0),
            ["isDeliveryReceiptRequested"] = false,
            ["isReadReceiptRequested"] = false,
            ["isRead"] = message.IsRead,
            ["isDraft"] = false,
            ["webLink"] = $"https://outlook.office365.com/owa/?ItemID={Uri.EscapeDataString(id)}&exvsurl=1&viewmodel=ReadMessageItem",
            ["inferenceClassification"] = "focused",
            ["body"] = new Dictionary<string, string> { ["contentType"] = "text", ["content"] = message.BodyPreview },
            ["sender"] = from,
            ["from"] = from,
            ["toRecipients"] = new[] { Recipient(owner.User.DisplayName, owner.User.Mail ?? owner.UserPrincipalName) },
            ["ccRecipients"] = Array.Empty<object>(),
            ["bccRecipients"] = Array.Empty<object>(),
            ["replyTo"] = Array.Empty<object>(),
            ["flag"] = new Dictionary<string, string> { ["flagStatus"] = "notFlagged" },
        };
    }

    /// <summary>The value <c>$orderby</c> sorts on.</summary>
    public static object SortKey(MailboxMessage message, string property) => property switch
    {
        "subject" => message.Subject,
        _ => message.ReceivedDateTime,
    };

    private static Dictionary<string, Dictionary<string, string>> Recipient(string name, string address) =>
        new() { ["emailAddress"] = new Dictionary<string, string> { ["name"] = name, ["address"] = address } };

    private static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
