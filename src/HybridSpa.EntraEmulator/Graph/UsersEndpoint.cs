using Microsoft.AspNetCore.Routing;

namespace HybridSpa.EntraEmulator.Graph;

/// <summary>
/// <c>GET /v1.0/users</c>: the caller's tenant's members (and guests), paged; <c>GET /v1.0/users/{id | userPrincipalName}</c>: one of
/// them, or Graph's 404. Delegated User.ReadBasic.All, or the application permission User.Read.All.
/// </summary>
internal sealed class UsersEndpoint(Configuration.EmulatorDirectory directory, GraphResponseWriter writer, GraphErrorWriter errors)
{
    public Task ListAsync(HttpContext context, GraphCaller caller)
    {
        var (query, error) = ODataQuery.Parse(context.Request.Query, UserProperties.Type);
        return query is null
            ? writer.WriteBadQueryAsync(context, UserProperties.Type, error!)
            : writer.WriteCollectionAsync(context, "users", UserProperties.Type, query, [.. directory.MembersOf(caller.TenantId).Select(UserProperties.Of)]);
    }

    public Task HandleAsync(HttpContext context, GraphCaller caller)
    {
        var key = context.GetRouteValue("user") as string ?? "";
        var (query, error) = ODataQuery.Parse(context.Request.Query, UserProperties.Type);
        if (query is null)
        {
            return writer.WriteBadQueryAsync(context, UserProperties.Type, error!);
        }

        var member = directory.FindMember(caller.TenantId, key);
        return member is null
            ? errors.WriteAsync(context, StatusCodes.Status404NotFound, "Request_ResourceNotFound",
                $"Resource '{(key.Length > 100 ? key[..100] : key)}' does not exist or one of its queried reference-property objects are not present.")
            : writer.WriteEntityAsync(context, "users", UserProperties.Type, query, UserProperties.Of(member));
    }
}
