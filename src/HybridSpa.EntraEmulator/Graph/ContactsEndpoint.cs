namespace HybridSpa.EntraEmulator.Graph;

/// <summary><c>GET /v1.0/me/contacts</c> (Contacts.Read): the caller's contacts in their configured order unless <c>$orderby</c> says otherwise, paged.</summary>
internal sealed class ContactsEndpoint(GraphResponseWriter writer)
{
    public Task HandleAsync(HttpContext context, GraphCaller caller)
    {
        var type = ContactProperties.Type;
        var (query, error) = ODataQuery.Parse(context.Request.Query, type);
        if (query is null)
        {
            return writer.WriteBadQueryAsync(context, type, error!);
        }

        var indexed = caller.User.Contacts.ToArray().Select((contact, index) => (Contact: contact, Id: ContactProperties.IdOf(contact, caller.Member, index)));
        if (query.OrderBy is { } orderBy)
        {
            indexed = query.Descending
                ? indexed.OrderByDescending(c => ContactProperties.SortKey(c.Contact, orderBy))
                : indexed.OrderBy(c => ContactProperties.SortKey(c.Contact, orderBy));
        }

        var items = indexed.Select(c => ContactProperties.Of(c.Contact, c.Id, caller.Member)).ToList();
        return writer.WriteCollectionAsync(context, $"users('{caller.Member.ObjectId}')/contacts", type, query, items);
    }
}
