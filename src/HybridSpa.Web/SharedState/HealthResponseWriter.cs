using System.Text.Json;
using HybridSpa.Web.IdentityProvider;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HybridSpa.Web.SharedState;

/// <summary>
/// Writes <c>{ "status": "Healthy", "cache": { "provider": "Postgres", "state": "Ready" }, "identityProvider": { "status": "Healthy", "state": "Reachable" } }</c>: enough for a load balancer and
/// an operator, and nothing an anonymous caller should not see (no host names, no connection strings, no exception text).
/// </summary>
public static class HealthResponseWriter
{
    /// <summary>The response writer for <c>MapHealthChecks</c>.</summary>
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        if (report.Entries.TryGetValue(CacheHealth.CheckName, out var cache))
        {
            json.WriteStartObject("cache");
            json.WriteString("provider", cache.Data.GetValueOrDefault("provider")?.ToString());
            json.WriteString("state", cache.Data.GetValueOrDefault("state")?.ToString());
            json.WriteEndObject();
        }

        if (report.Entries.TryGetValue(IdentityProviderHealthCheck.CheckName, out var identityProvider))
        {
            json.WriteStartObject("identityProvider");
            json.WriteString("status", identityProvider.Status.ToString());
            json.WriteString("state", identityProvider.Data.GetValueOrDefault("state")?.ToString());
            json.WriteEndObject();
        }

        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
