using HybridSpa.EntraEmulator.Errors;
using HybridSpa.EntraEmulator.Graph;

namespace HybridSpa.EntraEmulator.Endpoints;

/// <summary>Anything unmapped: Graph's BadRequest envelope under /v1.0, Entra's JSON error (HTTP 404) elsewhere.</summary>
internal sealed class NotFoundEndpoint(GraphErrorWriter graphErrors, EntraErrorWriter errors)
{
    public Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith("/v1.0/", StringComparison.OrdinalIgnoreCase) || path.Equals("/v1.0", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith("/oidc/", StringComparison.OrdinalIgnoreCase))
        {
            var segment = path.TrimEnd('/').Split('/').LastOrDefault() ?? "";
            return graphErrors.WriteAsync(context, StatusCodes.Status400BadRequest, "BadRequest",
                $"Resource not found for the segment '{(segment.Length > 100 ? segment[..100] : segment)}'.");
        }

        return errors.WriteJsonAsync(context, AadstsErrors.MalformedRequest() with { StatusCode = StatusCodes.Status404NotFound });
    }
}
