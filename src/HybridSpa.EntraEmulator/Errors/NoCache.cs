namespace HybridSpa.EntraEmulator.Errors;

/// <summary>The cache headers Entra sends on token responses and sign-in pages.</summary>
internal static class NoCache
{
    public static void Apply(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store, no-cache";
        response.Headers.Pragma = "no-cache";
        response.Headers.Expires = "-1";
    }
}
