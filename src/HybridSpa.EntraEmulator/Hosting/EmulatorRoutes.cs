using HybridSpa.EntraEmulator.Endpoints;
using HybridSpa.EntraEmulator.Graph;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HybridSpa.EntraEmulator.Hosting;

/// <summary>The emulator's URL space: Entra's <c>/{tenant}/…</c> shapes plus Graph's <c>/v1.0/me</c>.</summary>
internal static class EmulatorRoutes
{
    private static readonly string[] GetAndOptions = ["GET", "OPTIONS"];
    private static readonly string[] GetAndPost = ["GET", "POST"];

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
        var me = services.GetRequiredService<MeEndpoint>();
        var photo = services.GetRequiredService<PhotoEndpoint>();
        var graphPreflight = services.GetRequiredService<GraphPreflight>();
        var notFound = services.GetRequiredService<NotFoundEndpoint>();

        routes.MapMethods("/{tenant}/v2.0/.well-known/openid-configuration", GetAndOptions, PublicMetadata(c => discovery.HandleAsync(c, Tenant(c))));
        routes.MapMethods("/{tenant}/.well-known/openid-configuration", GetAndOptions, PublicMetadata(c => discovery.HandleAsync(c, Tenant(c))));
        routes.MapMethods("/{tenant}/discovery/v2.0/keys", GetAndOptions, PublicMetadata(c => keys.HandleAsync(c, Tenant(c))));
        routes.MapMethods("/common/discovery/instance", GetAndOptions, PublicMetadata(instance.HandleAsync));
        routes.MapMethods("/{tenant}/oauth2/v2.0/authorize", GetAndPost, c => authorize.HandleAsync(c, Tenant(c)));
        routes.Map("/{tenant}/login", c => login.HandleAsync(c, Tenant(c)));
        routes.Map("/{tenant}/oauth2/v2.0/token", c => token.HandleAsync(c, Tenant(c)));
        routes.MapMethods("/{tenant}/oauth2/v2.0/logout", GetAndPost, c => logout.HandleAsync(c, Tenant(c)));
        routes.MapGet("/v1.0/me", me.HandleAsync);
        routes.MapGet("/v1.0/me/photo/$value", photo.HandleAsync);
        routes.MapMethods("/v1.0/me", ["OPTIONS"], graphPreflight.HandleAsync);
        routes.MapMethods("/v1.0/me/photo/$value", ["OPTIONS"], graphPreflight.HandleAsync);
        routes.MapFavicon();

        // Any other method on these paths: an error in the service's own shape, not routing's empty 405. Endpoints without a
        // method constraint only win when no method-specific endpoint matches.
        var methodNotAllowed = services.GetRequiredService<MethodNotAllowedEndpoint>();
        foreach (var (path, allowed) in new (string, string[])[]
        {
            ("/{tenant}/v2.0/.well-known/openid-configuration", GetAndOptions),
            ("/{tenant}/.well-known/openid-configuration", GetAndOptions),
            ("/{tenant}/discovery/v2.0/keys", GetAndOptions),
            ("/common/discovery/instance", GetAndOptions),
            ("/{tenant}/oauth2/v2.0/authorize", GetAndPost),
            ("/{tenant}/oauth2/v2.0/logout", GetAndPost),
            ("/v1.0/me", GetAndOptions),
            ("/v1.0/me/photo/$value", GetAndOptions),
        })
        {
            routes.Map(path, methodNotAllowed.For(allowed));
        }

        routes.MapFallback(notFound.HandleAsync);
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
