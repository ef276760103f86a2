using HybridSpa.EntraEmulator.Configuration;
using HybridSpa.EntraEmulator.Scopes;
using HybridSpa.EntraEmulator.Tokens;

namespace HybridSpa.EntraEmulator.Graph;

/// <summary>
/// Validates the bearer token of a Graph call: signed by an emulator key, <c>aud</c> Graph, issued by the emulator's STS,
/// inside exp/nbf on the emulator clock, for a user the token's tenant knows. Failures carry Graph's 401 messages (§9).
/// </summary>
internal sealed class GraphTokenAuthenticator(EmulatorTokenValidator validator, EmulatorDirectory directory, TimeProvider clock)
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] GraphAudiences = [ScopeParser.GraphAppId, ScopeParser.GraphAppIdUri, ScopeParser.GraphAppIdUri + "/"];

    public (GraphCaller? Caller, string? Failure) Authenticate(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.FirstOrDefault();
        var raw = header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        if (string.IsNullOrEmpty(raw))
        {
            return (null, "Access token is empty.");
        }

        var token = EmulatorTokenValidator.TryRead(raw);
        if (token is null)
        {
            return (null, "CompactToken parsing failed with error code: 80049217");
        }

        if (!validator.HasValidSignature(token))
        {
            return (null, "Access token validation failure.");
        }

        if (!token.Audiences.Any(aud => GraphAudiences.Contains(aud, StringComparer.OrdinalIgnoreCase)))
        {
            return (null, "Access token validation failure. Invalid audience.");
        }

        if (!token.Issuer.StartsWith(GraphAccessTokenFactory.GraphIssuerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return (null, "Access token validation failure. Invalid issuer.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (token.ValidTo == DateTime.MinValue || token.ValidTo + ClockSkew <= now)
        {
            return (null, "Lifetime validation failed, the token is expired.");
        }

        if (token.ValidFrom - ClockSkew > now)
        {
            return (null, "Access token has expired or is not yet valid.");
        }

        var tenantId = token.TryGetPayloadValue<string>("tid", out var tid) ? tid : "";
        var clientId = token.TryGetPayloadValue<string>("appid", out var appid) ? appid : "";
        if (token.TryGetPayloadValue<string>("idtyp", out var idtyp) && idtyp == "app")
        {
            // App-only (client credentials): issued to an app registered here, for this emulator's tenant.
            var roles = token.Claims.Where(c => c.Type == "roles").Select(c => c.Value).ToArray();
            return tenantId == directory.TenantId && directory.FindApplication(clientId) is not null
                ? (new GraphCaller(null, tenantId, clientId, [], roles), null)
                : (null, "Access token validation failure.");
        }

        var member = directory.FindMember(tenantId, token.TryGetPayloadValue<string>("oid", out var oid) ? oid : null);
        var scopes = token.TryGetPayloadValue<string>("scp", out var scp) ? scp.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        var facts = new GraphTokenFacts(
            new DateTimeOffset(token.IssuedAt, TimeSpan.Zero) + GraphAccessTokenFactory.Backdating,
            token.Claims.Any(c => c.Type == "xms_cc" && c.Value.Equals(Claims.ClaimsRequest.Cp1, StringComparison.OrdinalIgnoreCase)),
            [.. token.Claims.Where(c => c.Type == "acrs").Select(c => c.Value)]);
        return member is null ? (null, "Access token validation failure.") : (new GraphCaller(member, tenantId, clientId, scopes, [], facts), null);
    }
}
