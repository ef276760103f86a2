using HybridSpa.EntraEmulator.Errors;
using HybridSpa.EntraEmulator.Hosting;

namespace HybridSpa.EntraEmulator.Endpoints;

/// <summary>
/// <c>GET /common/discovery/instance</c>: MSAL.NET's default instance discovery (sent to login.microsoftonline.com, which
/// <see cref="EntraEmulatorHost.CreateHttpHandler"/> routes here) and <c>WithInstanceDiscoveryMetadata(uri)</c>. Only the
/// emulator's own authorization endpoint is a known instance; anything else is Entra's <c>invalid_instance</c>.
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
                    // Host names, as Entra's are: MSAL.NET puts preferred_network in place of the authority's host (keeping its
                    // port), so "host:port" here made it build an invalid URI (UriFormatException).
                    ["preferred_network"] = host,
                    ["preferred_cache"] = host,
                    ["aliases"] = new[] { host },
                },
            },
        };
        return context.Response.WriteAsJsonAsync(body, context.RequestAborted);
    }
}
