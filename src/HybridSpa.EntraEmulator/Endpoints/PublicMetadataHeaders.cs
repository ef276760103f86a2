namespace HybridSpa.EntraEmulator.Endpoints;

/// <summary>Headers Entra sends on discovery, JWKS and instance discovery: cacheable and readable from any origin.</summary>
internal static class PublicMetadataHeaders
{
    public static void Apply(HttpContext context)
    {
        context.Response.Headers.CacheControl = "max-age=86400, private";
        context.Response.Headers.AccessControlAllowOrigin = "*";
        context.Response.Headers.AccessControlAllowMethods = "GET, OPTIONS";
        context.Response.Headers["x-ms-request-id"] = Guid.NewGuid().ToString();
    }

    public static void AnswerPreflight(HttpContext context)
    {
        Apply(context);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
