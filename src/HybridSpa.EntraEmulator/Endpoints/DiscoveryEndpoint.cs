using HybridSpa.EntraEmulator.Configuration;
using HybridSpa.EntraEmulator.Errors;
using HybridSpa.EntraEmulator.Hosting;

namespace HybridSpa.EntraEmulator.Endpoints;

/// <summary>
/// <c>GET /{tenant}/v2.0/.well-known/openid-configuration</c> (msal-browser AAD mode, MSAL.NET WithOidcAuthority) and
/// <c>/{tenant}/.well-known/openid-configuration</c> (msal-browser OIDC mode): the same v2.0 document, Entra's field set (§3).
/// </summary>
internal sealed class DiscoveryEndpoint(EmulatorDirectory directory, EmulatorUrls urls, EntraErrorWriter errors)
{
    private const string TenantIdTemplate = "{tenantid}";

    public Task HandleAsync(HttpContext context, string tenant)
    {
        PublicMetadataHeaders.Apply(context);
        var route = TenantRoute.Resolve(tenant, directory);
        if (route is null)
        {
            return errors.WriteJsonAsync(context, AadstsErrors.TenantNotFound(tenant.Length > 64 ? tenant[..64] : tenant));
        }

        var segment = route.Segment;
        var document = new Dictionary<string, object?>
        {
            ["token_endpoint"] = urls.TenantEndpoint(segment, "oauth2/v2.0/token"),
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "private_key_jwt", "client_secret_basic" },
            ["jwks_uri"] = urls.TenantEndpoint(segment, "discovery/v2.0/keys"),
            ["response_modes_supported"] = new[] { "query", "fragment", "form_post" },
            ["subject_types_supported"] = new[] { "pairwise" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["response_types_supported"] = new[] { "code", "id_token", "code id_token", "id_token token" },
            ["scopes_supported"] = new[] { "openid", "profile", "email", "offline_access" },
            ["issuer"] = urls.Issuer(route.TenantId ?? TenantIdTemplate),
            ["request_uri_parameter_supported"] = false,
            ["userinfo_endpoint"] = $"{urls.Base}oidc/userinfo",
            ["authorization_endpoint"] = urls.TenantEndpoint(segment, "oauth2/v2.0/authorize"),
            ["device_authorization_endpoint"] = urls.TenantEndpoint(segment, "oauth2/v2.0/devicecode"),
            ["http_logout_supported"] = true,
            ["frontchannel_logout_supported"] = true,
            ["end_session_endpoint"] = urls.TenantEndpoint(segment, "oauth2/v2.0/logout"),
            ["claims_supported"] = new[]
            {
                "sub", "iss", "cloud_instance_name", "cloud_instance_host_name", "cloud_graph_host_name", "msgraph_host", "aud", "exp", "iat",
                "auth_time", "acr", "nonce", "preferred_username", "name", "tid", "ver", "at_hash", "c_hash", "email",
            },
            ["kerberos_endpoint"] = urls.TenantEndpoint(segment, "kerberos"),
            ["tenant_region_scope"] = null,
            ["cloud_instance_name"] = "microsoftonline.com",
            ["cloud_graph_host_name"] = "graph.windows.net",
            ["msgraph_host"] = "graph.microsoft.com",
            ["rbac_url"] = "https://pas.windows.net",
        };
        return context.Response.WriteAsJsonAsync(document, context.RequestAborted);
    }
}
