using HybridSpa.EntraEmulator.Hosting;

namespace HybridSpa.EntraEmulator.Graph;

/// <summary><c>GET /v1.0/me</c>: Graph's default user properties in Graph's order, nulls kept, <c>id</c> = oid; minimal <c>$select</c>.</summary>
internal sealed class MeEndpoint(GraphTokenAuthenticator authenticator, GraphErrorWriter errors, EmulatorUrls urls, Endpoints.CorsHeaders cors)
{
    private static readonly string[] ProfileScopes = ["User.Read", "User.ReadBasic.All", "User.Read.All"];

    public async Task HandleAsync(HttpContext context)
    {
        cors.Apply(context, "request-id, client-request-id");
        var (user, scopes, failure) = await authenticator.AuthenticateAsync(context).ConfigureAwait(false);
        if (user is null)
        {
            await errors.WriteUnauthorizedAsync(context, failure!).ConfigureAwait(false);
            return;
        }

        // UNCONFIRMED: the 403 Graph returns for a token without a profile-reading permission.
        if (!scopes.Any(s => ProfileScopes.Contains(s, StringComparer.OrdinalIgnoreCase)))
        {
            await errors.WriteAsync(context, StatusCodes.Status403Forbidden, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.").ConfigureAwait(false);
            return;
        }

        var properties = UserProperties.Of(user);
        var select = context.Request.Query["$select"].ToString();
        var selected = UserProperties.DefaultNames;
        if (select.Length > 0)
        {
            var requested = select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var unknown = requested.FirstOrDefault(name => UserProperties.Canonical(name) is null);
            if (unknown is not null || requested.Length == 0)
            {
                var name = unknown ?? select;
                await errors.WriteAsync(context, StatusCodes.Status400BadRequest, "BadRequest",
                    $"Could not find a property named '{(name.Length > 100 ? name[..100] : name)}' on type 'microsoft.graph.user'.").ConfigureAwait(false);
                return;
            }

            selected = [.. requested.Select(name => UserProperties.Canonical(name)!).Distinct()];
        }

        var context_ = select.Length > 0
            ? $"{urls.Base}v1.0/$metadata#users({string.Join(',', selected)})/$entity"
            : $"{urls.Base}v1.0/$metadata#users/$entity";
        var body = new Dictionary<string, object?> { ["@odata.context"] = context_ };
        foreach (var name in selected)
        {
            body[name] = properties[name];
        }

        GraphResponseHeaders.Apply(context);
        await context.Response.WriteAsJsonAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
