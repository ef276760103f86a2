namespace HybridSpa.EntraEmulator;

/// <summary>A message in a test user's mailbox, served by Graph <c>GET /me/messages</c> (Mail.Read).</summary>
public sealed class MailboxMessage
{
    /// <summary>Graph <c>id</c>; empty derives a stable id from the user and the message's position.</summary>
    public string Id { get; set; } = "";

    /// <summary>Graph <c>subject</c>.</summary>
    public string Subject { get; set; } = "";

    /// <summary>Graph <c>bodyPreview</c>, and the text of <c>body</c>.</summary>
    public string BodyPreview { get; set; } = "";

    /// <summary>The sender's display name (<c>from</c> and <c>sender</c>).</summary>
    public string FromName { get; set; } = "";

    /// <summary>The sender's address (<c>from</c> and <c>sender</c>).</summary>
    public string FromAddress { get; set; } = "";

    /// <summary>Graph <c>receivedDateTime</c>; messages are listed newest first.</summary>
    public DateTimeOffset ReceivedDateTime { get; set; }

    /// <summary>Graph <c>isRead</c>.</summary>
    public bool IsRead { get; set; }

    /// <summary>Graph <c>importance</c>: low, normal or high.</summary>
    public string Importance { get; set; } = "normal";

    /// <summary>Graph <c>hasAttachments</c>.</summary>
    public bool HasAttachments { get; set; }
}
