namespace HybridSpa.EntraEmulator.Graph;

/// <summary><c>GET /v1.0/me</c>: Graph's default user properties in Graph's order, nulls kept, <c>id</c> = the token's oid; <c>$select</c>.</summary>
internal sealed class MeEndpoint(GraphResponseWriter writer)
{
    public Task HandleAsync(HttpContext context, GraphCaller caller)
    {
        var (query, error) = ODataQuery.Parse(context.Request.Query, UserProperties.Type);
        return query is null
            ? writer.WriteBadQueryAsync(context, UserProperties.Type, error!)
            : writer.WriteEntityAsync(context, "users", UserProperties.Type, query, UserProperties.Of(caller.Member));
    }
}
