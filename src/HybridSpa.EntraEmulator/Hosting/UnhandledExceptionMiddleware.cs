using HybridSpa.EntraEmulator.Errors;
using Microsoft.Extensions.Logging;

namespace HybridSpa.EntraEmulator.Hosting;

/// <summary>The last resort: an unexpected exception becomes Entra's server_error JSON (no stack trace); tests prove bad input never gets here.</summary>
internal sealed class UnhandledExceptionMiddleware(RequestDelegate next, EntraErrorWriter errors, ILogger<UnhandledExceptionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            EmulatorLog.UnhandledException(logger, context.Request.Method, context.Request.Path, exception);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await errors.WriteJsonAsync(context, AadstsErrors.ServerError()).ConfigureAwait(false);
            }
        }
    }
}
