using Microsoft.Graph.Models;

namespace HybridSpa.Web.Profile;

/// <summary>What the profile page shows.</summary>
/// <param name="Messages">The newest messages, or null when the page was not granted mail.</param>
public sealed record ProfileViewModel(
    string? DisplayName, string? UserPrincipalName, string? Mail, string? Id, IReadOnlyCollection<string> Scopes, IReadOnlyList<MessageSummary>? Messages)
{
    /// <summary>The view of Graph's answers.</summary>
    public static ProfileViewModel From(User? me, IReadOnlyCollection<string> scopes, IEnumerable<Message>? messages) => new(
        me?.DisplayName, me?.UserPrincipalName, me?.Mail, me?.Id, scopes,
        messages?.Select(m => new MessageSummary(m.Subject, m.From?.EmailAddress?.Name ?? m.From?.EmailAddress?.Address, m.ReceivedDateTime)).ToList());
}

/// <summary>One line of the mailbox list.</summary>
public sealed record MessageSummary(string? Subject, string? From, DateTimeOffset? Received);
