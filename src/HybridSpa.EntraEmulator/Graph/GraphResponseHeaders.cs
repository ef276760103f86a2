namespace HybridSpa.EntraEmulator.Graph;

/// <summary>Graph's per-response headers: request-id, the echoed client-request-id, and HSTS.</summary>
internal static class GraphResponseHeaders
{
    /// <summary>Returns the request id it assigned.</summary>
    public static string Apply(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString();
        var clientRequestId = context.Request.Headers["client-request-id"].FirstOrDefault();
        context.Response.Headers["request-id"] = requestId;
        context.Response.Headers["client-request-id"] = Guid.TryParse(clientRequestId, out var parsed) ? parsed.ToString() : requestId;
        context.Response.Headers["x-ms-ags-diagnostic"] = "{\"ServerInfo\":{\"DataCenter\":\"Emulator\",\"Slice\":\"E\",\"Ring\":\"0\",\"ScaleUnit\":\"000\",\"RoleInstance\":\"emulator\"}}";
        context.Response.Headers.StrictTransportSecurity = "max-age=31536000";
        return requestId;
    }
}
