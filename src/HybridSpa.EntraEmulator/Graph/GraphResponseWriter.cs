using System.Text;
using HybridSpa.EntraEmulator.Hosting;

namespace HybridSpa.EntraEmulator.Graph;

/// <summary>Writes Graph's OData bodies: one entity, or a page of a collection with <c>@odata.nextLink</c>; and Graph's 400 for a bad query.</summary>
internal sealed class GraphResponseWriter(EmulatorUrls urls, GraphErrorWriter errors)
{
    /// <summary>The <c>@odata.context</c> URL for an entity set path such as <c>users</c> or <c>users('id')/messages</c>, naming the selection if any.</summary>
    public string ContextUrl(string entitySet, ODataQuery query, bool isEntity) =>
        $"{urls.Base}v1.0/$metadata#{entitySet}{(query.IsSelected ? $"({string.Join(',', query.Select)})" : "")}{(isEntity ? "/$entity" : "")}";

    public Task WriteEntityAsync(HttpContext context, string entitySet, GraphEntityType type, ODataQuery query, Dictionary<string, object?> entity)
    {
        var body = new Dictionary<string, object?> { ["@odata.context"] = ContextUrl(entitySet, query, isEntity: true) };
        foreach (var (name, value) in type.Project(entity, query))
        {
            body[name] = value;
        }

        GraphResponseHeaders.Apply(context);
        return context.Response.WriteAsJsonAsync(body, context.RequestAborted);
    }

    /// <summary>One page (<c>$skip</c>, <c>$top</c>) of already ordered items; a link to the next page when more remain.</summary>
    public Task WriteCollectionAsync(HttpContext context, string entitySet, GraphEntityType type, ODataQuery query, IReadOnlyList<Dictionary<string, object?>> items)
    {
        var page = items.Skip(query.Skip).Take(query.Top).Select(item => type.Project(item, query)).ToArray();
        var body = new Dictionary<string, object?>
        {
            ["@odata.context"] = ContextUrl(entitySet, query, isEntity: false),
            ["value"] = page,
        };
        if ((long)query.Skip + query.Top < items.Count)
        {
            body["@odata.nextLink"] = NextLink(context, query);
        }

        GraphResponseHeaders.Apply(context);
        return context.Response.WriteAsJsonAsync(body, context.RequestAborted);
    }

    public Task WriteBadQueryAsync(HttpContext context, GraphEntityType type, string message) =>
        errors.WriteAsync(context, StatusCodes.Status400BadRequest, type.ParseErrorCode, message);

    /// <summary>The same request's URL with <c>$skip</c> moved past this page, every other option kept.</summary>
    private string NextLink(HttpContext context, ODataQuery query)
    {
        var link = new StringBuilder(urls.Base.TrimEnd('/')).Append(context.Request.Path.Value).Append('?');
        foreach (var (name, values) in context.Request.Query.Where(q => q.Key is not ("$skip" or "$top")))
        {
            link.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(values.ToString())).Append('&');
        }

        return link.Append("%24top=").Append(query.Top).Append("&%24skip=").Append(query.Skip + query.Top).ToString();
    }
}
