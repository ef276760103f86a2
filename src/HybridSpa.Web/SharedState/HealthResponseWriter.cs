using System.Text.Json;
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

        // Every other check (the identity provider's, registered by its own folder) under the name it was registered with.
        foreach (var (name, entry) in report.Entries.Where(entry => entry.Key != CacheHealth.CheckName))
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteString("state", entry.Data.GetValueOrDefault("state")?.ToString());
            json.WriteEndObject();
        }

        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
