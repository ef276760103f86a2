using HybridSpa.EntraEmulator.Configuration;
using HybridSpa.EntraEmulator.Scopes;

namespace HybridSpa.EntraEmulator.Tokens;

/// <summary>Mints Microsoft Graph access tokens in Graph's v1.0 format (entra-protocol.md §7.3).</summary>
internal sealed class GraphAccessTokenFactory(JwtSigner signer, EmulatorDirectory directory, TimeProvider clock)
{
    public const string GraphIssuerPrefix = "https://sts.windows.net/";

    /// <summary>Returns the token and its lifetime (random between the configured minimum and maximum).</summary>
    public (string Token, TimeSpan Lifetime) Create(TokenContext context, TokenLifetimes lifetimes)
    {
        var now = clock.GetUtcNow();
        var spread = (lifetimes.AccessTokenMax - lifetimes.AccessTokenMin).TotalSeconds;
        var lifetime = lifetimes.AccessTokenMin + TimeSpan.FromSeconds(Math.Floor(Random.Shared.NextDouble() * spread));
        var user = context.User;
        var member = directory.MemberIn(user, context.TenantId);
        var scp = string.Join(' ', context.Scopes.GraphNames.Concat(context.Scopes.IdentityScopesInEntraOrder));
        var claims = new Dictionary<string, object?>
        {
            ["aud"] = ScopeParser.GraphAppId,
            ["iss"] = GraphIssuerPrefix + context.TenantId + "/",
            ["iat"] = (now - TimeSpan.FromMinutes(5)).ToUnixTimeSeconds(),
            ["nbf"] = (now - TimeSpan.FromMinutes(5)).ToUnixTimeSeconds(),
            ["exp"] = (now + lifetime).ToUnixTimeSeconds(),
            ["acct"] = user.IsPersonalAccount ? 1 : 0,
            ["acr"] = "1",
            ["aio"] = OpaqueValues.NewHandle(48),
            ["amr"] = new[] { "pwd" },
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

        // Real Graph tokens carry a `nonce` header that makes them unverifiable by third parties;
        // the emulator adds the member but signs plainly so its own Graph endpoint can verify them.
        var header = new Dictionary<string, object> { ["nonce"] = OpaqueValues.NewHandle(32) };
        return (signer.Sign(claims, header), lifetime);
    }
}
