using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace HybridSpa.EntraEmulator.Endpoints;

/// <summary>
/// <c>GET /favicon.ico</c>: a small icon (a white "E" on teal, 16 and 32 px), because browsers ask every origin for one and
/// log the miss as a console error on the emulator's sign-in pages.
/// </summary>
internal static class FaviconEndpoint
{
    private static readonly byte[] Icon = Convert.FromBase64String(
        "AAABAAIAEBAAAAEAIAB2AAAAJgAAACAgAAABACAAnQAAAJwAAACJUE5HDQoaCgAAAA1JSERSAAAAEAAAABAIBgAAAB/z/2EAAAA9SURBVHjaY2BAAvxlef+JwQzogFiNOA2iyAByNcMNwSaIDZBsAMUuoKoXBsYFAxsLFKcDuqVG6mUmSrIzAGpX79ymWhpBAAAAAElFTkSuQmCCiVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAZElEQVR42mNgwAH4y/L+UxMzEAOobSlJjqGX5VgdQW/LMRwxqB1ACSDKAYQU0dIBYEcMKQfQJB2MOmDUAUPKAdTKeqMOGE2Eow4YdcDQbQ8MTweMNssHhQMGvGs2KDqnA9U9BwCpp6XdkNFZcgAAAABJRU5ErkJggg==");

    /// <summary>Maps the icon ahead of the emulator's not-found fallback.</summary>
    public static void MapFavicon(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/favicon.ico", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Bytes(Icon, "image/x-icon");
        });
}
