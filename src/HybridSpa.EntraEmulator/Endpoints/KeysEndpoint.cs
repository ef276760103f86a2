using HybridSpa.EntraEmulator.Configuration;
using HybridSpa.EntraEmulator.Errors;
using HybridSpa.EntraEmulator.Hosting;
using HybridSpa.EntraEmulator.Tokens;
using Microsoft.IdentityModel.Tokens;

namespace HybridSpa.EntraEmulator.Endpoints;

/// <summary><c>GET /{tenant}/discovery/v2.0/keys</c>: every published signing key (oldest first) with kid, x5t, n, e, x5c and issuer.</summary>
internal sealed class KeysEndpoint(EmulatorDirectory directory, EmulatorUrls urls, SigningKeyRing keys, EntraErrorWriter errors)
{
    public Task HandleAsync(HttpContext context, string tenant)
    {
        PublicMetadataHeaders.Apply(context);
        if (TenantRoute.Resolve(tenant, directory) is null)
        {
            return errors.WriteJsonAsync(context, AadstsErrors.TenantNotFound(tenant.Length > 64 ? tenant[..64] : tenant));
        }

        var jwks = keys.Keys.Select(key =>
        {
            var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
            return new Dictionary<string, object>
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = key.Thumbprint,
                ["x5t"] = key.Thumbprint,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus!),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent!),
                ["x5c"] = new[] { Convert.ToBase64String(key.Certificate.RawData) },
                ["issuer"] = urls.Issuer("{tenantid}"),
            };
        });
        return context.Response.WriteAsJsonAsync(new Dictionary<string, object> { ["keys"] = jwks.ToArray() }, context.RequestAborted);
    }
}
