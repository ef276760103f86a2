using HybridSpa.EntraEmulator.Errors;
using HybridSpa.EntraEmulator.Hosting;

namespace HybridSpa.EntraEmulator.Endpoints;

/// <summary>
/// <c>GET /common/discovery/instance</c>: for MSAL.NET's <c>WithInstanceDiscoveryMetadata(uri)</c>. Only the emulator's own
/// authorization endpoint is a known instance; anything else is Entra's <c>invalid_instance</c>.
/// </summary>
internal sealed class InstanceDiscoveryEndpoint(EmulatorUrls urls, EntraErrorWriter errors)
{
    public Task HandleAsync(HttpContext context)
    {
        PublicMetadataHeaders.Apply(context);
        var authorizationEndpoint = context.Request.Query["authorization_endpoint"].ToString();
        if (!Uri.TryCreate(authorizationEndpoint, UriKind.Absolute, out var endpoint)
            || !endpoint.Authority.Equals(urls.HostAndPort, StringComparison.OrdinalIgnoreCase))
        {
            return errors.WriteJsonAsync(context, AadstsErrors.UnknownInstance());
        }

        var tenant = endpoint.Segments.Length > 1 ? endpoint.Segments[1].TrimEnd('/') : "common";
        var host = new Uri(urls.Base).Host;
        var body = new Dictionary<string, object>
        {
            ["tenant_discovery_endpoint"] = urls.TenantEndpoint(tenant, "v2.0/.well-known/openid-configuration"),
            ["api-version"] = "1.1",
            ["metadata"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["preferred_network"] = urls.HostAndPort,
                    ["preferred_cache"] = urls.HostAndPort,
                    ["aliases"] = new[] { urls.HostAndPort, host }.Distinct().ToArray(),
                },
            },
        };
        return context.Response.WriteAsJsonAsync(body, context.RequestAborted);
    }
}
