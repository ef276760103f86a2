namespace HybridSpa.EntraEmulator.Errors;

/// <summary>Writes an <see cref="AadstsError"/> as Entra's JSON error envelope with its HTTP status.</summary>
internal sealed class EntraErrorWriter(TimeProvider clock)
{
    public Task WriteJsonAsync(HttpContext context, AadstsError error)
    {
        var response = EntraErrorResponse.Create(error, context, clock);
        context.Response.StatusCode = error.StatusCode;
        context.Response.Headers["x-ms-request-id"] = response.TraceId;
        context.Response.Headers["client-request-id"] = response.CorrelationId;
        NoCache.Apply(context.Response);
        return context.Response.WriteAsJsonAsync(response.ToJsonBody(), context.RequestAborted);
    }
}
