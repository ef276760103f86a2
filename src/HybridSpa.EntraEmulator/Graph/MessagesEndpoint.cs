namespace HybridSpa.EntraEmulator.Graph;

/// <summary><c>GET /v1.0/me/messages</c> (Mail.Read): the caller's mailbox, newest first unless <c>$orderby</c> says otherwise, paged.</summary>
internal sealed class MessagesEndpoint(GraphResponseWriter writer)
{
    public Task HandleAsync(HttpContext context, GraphCaller caller)
    {
        var type = MessageProperties.Type;
        var (query, error) = ODataQuery.Parse(context.Request.Query, type);
        if (query is null)
        {
            return writer.WriteBadQueryAsync(context, type, error!);
        }

        var orderBy = query.OrderBy ?? "receivedDateTime";
        var descending = query.OrderBy is null || query.Descending;
        var indexed = caller.User.Messages.ToArray().Select((message, index) => (Message: message, Id: MessageProperties.IdOf(message, caller.Member, index)));
        var ordered = descending
            ? indexed.OrderByDescending(m => MessageProperties.SortKey(m.Message, orderBy))
            : indexed.OrderBy(m => MessageProperties.SortKey(m.Message, orderBy));
        var items = ordered.Select(m => MessageProperties.Of(m.Message, m.Id, caller.Member)).ToList();
        return writer.WriteCollectionAsync(context, $"users('{caller.Member.ObjectId}')/messages", type, query, items);
    }
}
