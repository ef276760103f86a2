using System.Diagnostics;

namespace HybridSpa.Web.Observability;

/// <summary>
/// Times each call of the identity provider's or Graph's HttpClient into <see cref="HybridSpaMetrics"/>. HttpClient's own
/// metrics cannot tell the two apart when one host serves both (the emulator); a named client can.
/// </summary>
internal sealed class DependencyCallTimer(Action<TimeSpan, HttpRequestMessage, string> record) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            record(Stopwatch.GetElapsedTime(started), request, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return response;
        }
        catch (Exception ex)
        {
            record(Stopwatch.GetElapsedTime(started), request, ex.GetType().Name);
            throw;
        }
    }

    /// <summary>Which identity-provider endpoint a request is for, by the path's end (the same on Entra ID and the emulator).</summary>
    public static string IdentityProviderEndpoint(HttpRequestMessage request)
    {
        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        return path.EndsWith("/.well-known/openid-configuration", StringComparison.Ordinal) ? "metadata"
            : path.EndsWith("/keys", StringComparison.Ordinal) ? "keys"
            : path.EndsWith("/token", StringComparison.Ordinal) ? "token"
            : "other";
    }
}
