using System.Text.Json;
using HybridSpa.Web.IdentityProvider;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

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
            // A check that did not answer in time (BoundedHealthCheck) could not say which provider it is: the configuration can.
            var provider = cache.Data.GetValueOrDefault("provider")?.ToString()
                ?? context.RequestServices.GetRequiredService<IOptions<CacheOptions>>().Value.Provider.ToString();
            json.WriteString("provider", provider);
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
