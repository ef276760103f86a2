namespace HybridSpa.EntraEmulator.Errors;

/// <summary>The correlation id of a request: the client's <c>client-request-id</c> (query for msal-browser, header for MSAL.NET), else a new one.</summary>
internal static class RequestCorrelation
{
    private const string Name = "client-request-id";
    private static readonly object Key = new();

    public static string Get(HttpContext context)
    {
        if (context.Items.TryGetValue(Key, out var cached) && cached is string id)
        {
            return id;
        }

        // Only GUIDs are echoed, so arbitrary client input is never reflected into responses.
        string? candidate = context.Request.Query[Name].FirstOrDefault() ?? context.Request.Headers[Name].FirstOrDefault();
        var correlationId = Guid.TryParse(candidate, out var parsed) ? parsed.ToString() : Guid.NewGuid().ToString();
        context.Items[Key] = correlationId;
        return correlationId;
    }
}
