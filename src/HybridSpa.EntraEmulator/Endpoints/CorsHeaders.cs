using HybridSpa.EntraEmulator.Configuration;

namespace HybridSpa.EntraEmulator.Endpoints;

/// <summary>CORS for the token endpoint and Graph: only origins of registered SPA redirect URIs are allowed, on successes and errors alike.</summary>
internal sealed class CorsHeaders(EmulatorDirectory directory)
{
    public static string? OriginOf(HttpContext context) => context.Request.Headers.Origin.FirstOrDefault() is { Length: > 0 } origin ? origin : null;

    /// <summary>Adds Access-Control-Allow-Origin when the request's Origin is registered; returns whether it was.</summary>
    public bool Apply(HttpContext context, string? exposedHeaders = null)
    {
        context.Response.Headers.Vary = "Origin";
        var origin = OriginOf(context);
        if (!directory.IsRegisteredSpaOrigin(origin))
        {
            return false;
        }

        context.Response.Headers.AccessControlAllowOrigin = origin;
        if (exposedHeaders is not null)
        {
            context.Response.Headers.AccessControlExposeHeaders = exposedHeaders;
        }

        return true;
    }

    /// <summary>Answers a preflight; the allow-headers are only granted to registered origins.</summary>
    public void AnswerPreflight(HttpContext context, string methods)
    {
        if (Apply(context))
        {
            context.Response.Headers.AccessControlAllowMethods = methods;
            context.Response.Headers.AccessControlAllowHeaders = "authorization, content-type, client-request-id, return-client-request-id, x-anchormailbox, x-client-sku, x-client-ver, x-client-os, x-ms-lib-capability";
            context.Response.Headers.AccessControlMaxAge = "86400";
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
