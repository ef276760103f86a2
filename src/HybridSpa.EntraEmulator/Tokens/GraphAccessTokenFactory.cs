using System.Security.Cryptography;
using System.Text;
using HybridSpa.EntraEmulator.Configuration;
using HybridSpa.EntraEmulator.Scopes;
using HybridSpa.EntraEmulator.Validation;

namespace HybridSpa.EntraEmulator.Tokens;

/// <summary>Mints Microsoft Graph access tokens in Graph's v1.0 format (entra-protocol.md §7.3).</summary>
internal sealed class GraphAccessTokenFactory(JwtSigner signer, EmulatorDirectory directory, TimeProvider clock)
{
    public const string GraphIssuerPrefix = "https://sts.windows.net/";

    /// <summary>How far <c>iat</c> and <c>nbf</c> are set before the real issue time, as Entra does.</summary>
    public static readonly TimeSpan Backdating = TimeSpan.FromMinutes(5);

    /// <summary>Returns the token and its lifetime (random between the configured minimum and maximum).</summary>
    public (string Token, TimeSpan Lifetime) Create(TokenContext context, TokenLifetimes lifetimes)
    {
        var now = clock.GetUtcNow();
        var lifetime = Lifetime(lifetimes);
        var user = context.User;
        var member = directory.MemberIn(user, context.TenantId);
        var scp = string.Join(' ', context.Scopes.GraphNames.Concat(context.Scopes.IdentityScopesInEntraOrder));
        var claims = new Dictionary<string, object?>(Envelope(context.TenantId, now, lifetime))
        {
            ["acct"] = user.IsPersonalAccount ? 1 : 0,
            ["acr"] = "1",
            ["aio"] = OpaqueValues.NewHandle(48),
            ["amr"] = context.Acrs is { Count: > 0 } ? new[] { "pwd", "mfa" } : new[] { "pwd" },
            ["app_displayname"] = context.Application.DisplayName,
            ["appid"] = context.Application.ClientId,
            ["appidacr"] = ((int)context.ClientAuthentication).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["family_name"] = user.Surname,
            ["given_name"] = user.GivenName,
            ["idtyp"] = "user",
            ["ipaddr"] = context.IpAddress,
            ["name"] = user.DisplayName,
            ["oid"] = member.ObjectId,
            ["platf"] = "14",
            ["puid"] = OpaqueValues.Puid(member.ObjectId),
            ["rh"] = OpaqueValues.NewHandle(24),
            ["scp"] = scp,
            ["sid"] = context.Sid,
            ["signin_state"] = new[] { "kmsi" },
            ["sub"] = OpaqueValues.PairwiseSubject(ScopeParser.GraphAppId + context.Application.ClientId, member.ObjectId),
            ["tenant_region_scope"] = "EU",
            ["tid"] = context.TenantId,
            ["unique_name"] = member.UserPrincipalName,
            ["upn"] = member.UserPrincipalName,
            ["uti"] = OpaqueValues.NewHandle(16),
            ["ver"] = "1.0",
            ["wids"] = new[] { "b79fbf4d-3ef9-4689-8143-76b194e85509" },
            ["xms_st"] = new Dictionary<string, string> { ["sub"] = OpaqueValues.PairwiseSubject("xms_st", user.ObjectId) },
            ["xms_tcdt"] = 1_600_000_000,
        };

        if (context.Acrs is { Count: > 0 } acrs)
        {
            claims["acrs"] = acrs.ToArray();
        }

        if (context.ClientCapabilities is { Count: > 0 } capabilities)
        {
            claims["xms_cc"] = capabilities.ToArray();
        }

        return (Sign(claims), lifetime);
    }

    /// <summary>
    /// An app-only token (client credentials): the app's service principal is <c>oid</c> and <c>sub</c>, its application
    /// permissions are <c>roles</c>, <c>idtyp</c> is "app", and there is no user, <c>scp</c> or <c>sid</c>.
    /// </summary>
    public (string Token, TimeSpan Lifetime) CreateAppOnly(ValidatedClientCredentialsRequest request, TokenLifetimes lifetimes)
    {
        var now = clock.GetUtcNow();
        var lifetime = Lifetime(lifetimes);
        var servicePrincipal = ServicePrincipalId(request.TenantId, request.Application.ClientId);
        var claims = new Dictionary<string, object?>(Envelope(request.TenantId, now, lifetime))
        {
            ["aio"] = OpaqueValues.NewHandle(48),
            ["app_displayname"] = request.Application.DisplayName,
            ["appid"] = request.Application.ClientId,
            ["appidacr"] = ((int)request.ClientAuthentication).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["idp"] = GraphIssuerPrefix + request.TenantId + "/",
            ["idtyp"] = "app",
            ["oid"] = servicePrincipal,
            ["rh"] = OpaqueValues.NewHandle(24),
            ["sub"] = servicePrincipal,
            ["tenant_region_scope"] = "EU",
            ["tid"] = request.TenantId,
            ["uti"] = OpaqueValues.NewHandle(16),
            ["ver"] = "1.0",
            ["wids"] = new[] { "0997a1d0-0d1d-4acb-b408-d5ca73121e90" },
            ["xms_tcdt"] = 1_600_000_000,
        };
        if (request.Roles.Count > 0)
        {
            claims["roles"] = request.Roles.ToArray();
        }

        return (Sign(claims), lifetime);
    }

    /// <summary>The object id of the app's service principal in the tenant: stable, derived from both.</summary>
    public static string ServicePrincipalId(string tenantId, string clientId) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"service-principal|{tenantId.ToLowerInvariant()}|{clientId.ToLowerInvariant()}"))[..16]).ToString();

    /// <summary>The claims every Graph token starts with, in Graph's order: audience, issuer and validity (backdated 5 minutes, as Entra does).</summary>
    private static Dictionary<string, object?> Envelope(string tenantId, DateTimeOffset now, TimeSpan lifetime) => new()
    {
        ["aud"] = ScopeParser.GraphAppId,
        ["iss"] = GraphIssuerPrefix + tenantId + "/",
        ["iat"] = (now - Backdating).ToUnixTimeSeconds(),
        ["nbf"] = (now - Backdating).ToUnixTimeSeconds(),
        ["exp"] = (now + lifetime).ToUnixTimeSeconds(),
    };

    private static TimeSpan Lifetime(TokenLifetimes lifetimes)
    {
        var spread = (lifetimes.AccessTokenMax - lifetimes.AccessTokenMin).TotalSeconds;
        return lifetimes.AccessTokenMin + TimeSpan.FromSeconds(Math.Floor(Random.Shared.NextDouble() * spread));
    }

    // Real Graph tokens carry a `nonce` header that makes them unverifiable by third parties;
    // the emulator adds the member but signs plainly so its own Graph endpoint can verify them.
    private string Sign(Dictionary<string, object?> claims) =>
        signer.Sign(claims, new Dictionary<string, object> { ["nonce"] = OpaqueValues.NewHandle(32) });
}
