using Microsoft.Extensions.Hosting;

namespace HybridSpa.EntraEmulator.Control;

/// <summary>
/// Who may use the control surface: a loopback caller, in Development, that is not a browser and carries the control token
/// (<see cref="ControlSurfaceCredential"/>). A web page can send simple
/// cross-origin POSTs to localhost, so any request with an Origin header is refused, and bodies must be JSON (which a page
/// cannot send cross-origin without a preflight this surface never answers).
/// </summary>
internal sealed class ControlSurfaceGuard(IHostEnvironment environment, ControlSurfaceCredential credential)
{
    /// <summary>Null when the caller may proceed; else the status and message to refuse with (401 asks for the bearer token).</summary>
    public (int Status, string Code, string Message)? Check(HttpContext context, bool hasBody)
    {
        if (!environment.IsDevelopment())
        {
            return (StatusCodes.Status403Forbidden, "Forbidden", "The control surface is available in the Development environment only.");
        }

        if (context.Connection.RemoteIpAddress is not { } remote || !System.Net.IPAddress.IsLoopback(remote))
        {
            return (StatusCodes.Status403Forbidden, "Forbidden", "The control surface answers loopback callers only.");
        }

        if (context.Request.Headers.Origin.Count > 0)
        {
            return (StatusCodes.Status403Forbidden, "Forbidden", "The control surface refuses browser requests (requests with an Origin header).");
        }

        if (!credential.IsPresentedBy(context.Request))
        {
            return (StatusCodes.Status401Unauthorized, "Unauthorized",
                "The control surface needs 'Authorization: Bearer <token>' with the token the emulator printed at start (and wrote to its token file), or the one it was configured with.");
        }

        return hasBody && !(context.Request.ContentType ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            ? (StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType", "Send the body as application/json.")
            : null;
    }
}
