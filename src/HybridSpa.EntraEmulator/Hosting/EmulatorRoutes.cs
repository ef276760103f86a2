using HybridSpa.EntraEmulator.Endpoints;
using HybridSpa.EntraEmulator.Graph;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HybridSpa.EntraEmulator.Hosting;

/// <summary>The emulator's URL space: Entra's <c>/{tenant}/…</c> shapes plus Graph's <c>/v1.0/…</c> and <c>/oidc/userinfo</c>.</summary>
internal static class EmulatorRoutes
{
    private static readonly string[] GetAndOptions = ["GET", "OPTIONS"];
    private static readonly string[] GetAndPost = ["GET", "POST"];
    private static readonly string[] PostAndOptions = ["POST", "OPTIONS"];
    private static readonly string[] PostOnly = ["POST"];
    private static readonly string[] GetPostAndOptions = ["GET", "POST", "OPTIONS"];

    public static void MapEntraEmulator(this IEndpointRouteBuilder routes)
    {
        var services = routes.ServiceProvider;
        var discovery = services.GetRequiredService<DiscoveryEndpoint>();
        var keys = services.GetRequiredService<KeysEndpoint>();
        var instance = services.GetRequiredService<InstanceDiscoveryEndpoint>();
        var authorize = services.GetRequiredService<AuthorizeEndpoint>();
        var login = services.GetRequiredService<LoginEndpoint>();
        var token = services.GetRequiredService<TokenEndpoint>();
        var logout = services.GetRequiredService<LogoutEndpoint>();
        var notFound = services.GetRequiredService<NotFoundEndpoint>();

        routes.MapMethods("/{tenant}/v2.0/.well-known/openid-configuration", GetAndOptions, PublicMetadata(c => discovery.HandleAsync(c, Tenant(c))));
        routes.MapMethods("/{tenant}/.well-known/openid-configuration", GetAndOptions, PublicMetadata(c => discovery.HandleAsync(c, Tenant(c))));
        routes.MapMethods("/{tenant}/discovery/v2.0/keys", GetAndOptions, PublicMetadata(c => keys.HandleAsync(c, Tenant(c))));
        routes.MapMethods("/common/discovery/instance", GetAndOptions, PublicMetadata(instance.HandleAsync));
        routes.MapMethods("/{tenant}/oauth2/v2.0/authorize", GetAndPost, c => authorize.HandleAsync(c, Tenant(c)));
        routes.MapMethods("/{tenant}/login", PostOnly, c => login.HandleAsync(c, Tenant(c)));
        routes.MapMethods("/{tenant}/oauth2/v2.0/token", PostAndOptions, c => token.HandleAsync(c, Tenant(c)));
        routes.MapMethods("/{tenant}/oauth2/v2.0/logout", GetAndPost, c => logout.HandleAsync(c, Tenant(c)));
        routes.MapFavicon();
        var knownPaths = new List<(string Path, string[] Allowed)>
        {
            ("/{tenant}/v2.0/.well-known/openid-configuration", GetAndOptions),
            ("/{tenant}/.well-known/openid-configuration", GetAndOptions),
            ("/{tenant}/discovery/v2.0/keys", GetAndOptions),
            ("/common/discovery/instance", GetAndOptions),
            ("/{tenant}/oauth2/v2.0/authorize", GetAndPost),
            ("/{tenant}/login", PostOnly),
            ("/{tenant}/oauth2/v2.0/token", PostAndOptions),
            ("/{tenant}/oauth2/v2.0/logout", GetAndPost),
        };
        knownPaths.AddRange(routes.MapGraph());
        if (services.GetService<Control.ControlSurfaceEndpoints>() is { } control)
        {
            knownPaths.AddRange(control.Map(routes));
        }

        // Any other method on these paths: an error in the service's own shape, not routing's empty 405. Endpoints without a
        // method constraint only win when no method-specific endpoint matches.
        var methodNotAllowed = services.GetRequiredService<MethodNotAllowedEndpoint>();
        foreach (var (path, allowed) in knownPaths)
        {
            routes.Map(path, methodNotAllowed.For(allowed));
        }

        routes.MapFallback(notFound.HandleAsync);
    }

    /// <summary>Graph's resources, each behind the token and its permission; every Graph path answers CORS preflights.</summary>
    private static IEnumerable<(string Path, string[] Allowed)> MapGraph(this IEndpointRouteBuilder routes)
    {
        var services = routes.ServiceProvider;
        var graph = services.GetRequiredService<GraphPipeline>();
        var preflight = services.GetRequiredService<GraphPreflight>();
        var resources = new (string Path, string[] Methods, GraphPermission Permission, Func<HttpContext, GraphCaller, Task> Handler)[]
        {
            ("/v1.0/me", ["GET"], GraphPermission.SignedInUser, services.GetRequiredService<MeEndpoint>().HandleAsync),
            ("/v1.0/me/photo/$value", ["GET"], GraphPermission.SignedInUser, services.GetRequiredService<PhotoEndpoint>().HandleAsync),
            ("/v1.0/me/messages", ["GET"], GraphPermission.Mail, services.GetRequiredService<MessagesEndpoint>().HandleAsync),
            ("/v1.0/me/contacts", ["GET"], GraphPermission.Contacts, services.GetRequiredService<ContactsEndpoint>().HandleAsync),
            ("/v1.0/users", ["GET"], GraphPermission.OtherUsers, services.GetRequiredService<UsersEndpoint>().ListAsync),
            ("/v1.0/users/{user}", ["GET"], GraphPermission.OtherUsers, services.GetRequiredService<UsersEndpoint>().HandleAsync),
            ("/oidc/userinfo", ["GET", "POST"], GraphPermission.UserInfo, services.GetRequiredService<UserInfoEndpoint>().HandleAsync),
        };
        foreach (var (path, methods, permission, handler) in resources)
        {
            routes.MapMethods(path, methods, graph.Require(permission, handler));
            routes.MapMethods(path, ["OPTIONS"], preflight.HandleAsync);
        }

        routes.MapMethods("/v1.0/{**path}", ["OPTIONS"], preflight.HandleAsync);
        return resources.Select(r => (r.Path, r.Methods.Append("OPTIONS").ToArray()));
    }

    private static string Tenant(HttpContext context) => context.GetRouteValue("tenant") as string ?? "";

    /// <summary>Discovery, JWKS and instance discovery answer preflights for any origin, as Entra does.</summary>
    private static RequestDelegate PublicMetadata(RequestDelegate handler) => context =>
    {
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            PublicMetadataHeaders.AnswerPreflight(context);
            return Task.CompletedTask;
        }

        return handler(context);
    };
}
