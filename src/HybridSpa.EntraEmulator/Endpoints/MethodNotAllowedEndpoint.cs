using HybridSpa.EntraEmulator.Errors;
using HybridSpa.EntraEmulator.Graph;

namespace HybridSpa.EntraEmulator.Endpoints;

/// <summary>
/// A known path asked with a method it does not take: Graph's error envelope under /v1.0, Entra's AADSTS900561 JSON
/// elsewhere — with the status 405 and an <c>Allow</c> header, rather than routing's empty 405.
/// UNCONFIRMED: the status and body Entra and Graph send for such requests.
/// </summary>
internal sealed class MethodNotAllowedEndpoint(GraphErrorWriter graphErrors, EntraErrorWriter errors)
{
    /// <summary>The handler for a path whose endpoints accept only <paramref name="allowed"/>.</summary>
    public RequestDelegate For(IReadOnlyList<string> allowed) => context =>
    {
        var allow = string.Join(", ", allowed);
        context.Response.Headers.Allow = allow;
        var method = context.Request.Method.Length > 16 ? context.Request.Method[..16] : context.Request.Method;
        var path = context.Request.Path.Value ?? "";
        return path.StartsWith("/v1.0/", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/oidc/", StringComparison.OrdinalIgnoreCase)
            ? graphErrors.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, "Request_BadRequest", "Specified HTTP method is not allowed for the request target.")
            : errors.WriteJsonAsync(context, AadstsErrors.OnlyAccepts(allow, method) with { StatusCode = StatusCodes.Status405MethodNotAllowed });
    };
}
