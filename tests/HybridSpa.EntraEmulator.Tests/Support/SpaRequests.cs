using System.Net.Http.Headers;
using System.Text;

namespace HybridSpa.EntraEmulator.Tests.Support;

/// <summary>Token requests shaped exactly as msal-browser 5.29.0 sends them (entra-protocol.md §6.2–6.4).</summary>
public static class SpaRequests
{
    public const string Origin = "https://localhost:5001";
    public const string Scope = "User.Read openid profile offline_access";
    private const string Claims = """{"id_token":{"signin_state":{"essential":false},"login_hint":{"essential":false},"tenant_region_sub_scope":{"essential":false}}}""";

    /// <summary>acquireTokenByCode({code}) for a hybrid spa_code: no redirect_uri, no code_verifier, no secret.</summary>
    public static HttpRequestMessage RedeemSpaCode(EntraEmulatorHost host, string spaCode, string scope = Scope, string? origin = Origin) =>
        Create(host, origin,
        [
            new("client_id", DevelopmentDefaults.ClientId), new("scope", scope), new("code", spaCode),
            .. Telemetry(), new("grant_type", "authorization_code"), new("client_info", "1"), new("claims", Claims),
        ]);

    /// <summary>The redemption after loginRedirect: SPA redirect URI and PKCE verifier.</summary>
    public static HttpRequestMessage RedeemSpaRedirectCode(EntraEmulatorHost host, string code, string? verifier, string? redirectUri = DevelopmentDefaults.SpaRedirectUri, string? origin = Origin)
    {
        var fields = new List<KeyValuePair<string, string>> { new("client_id", DevelopmentDefaults.ClientId) };
        if (redirectUri is not null)
        {
            fields.Add(new("redirect_uri", redirectUri));
        }

        fields.AddRange([new("scope", Scope), new("code", code), .. Telemetry()]);
        if (verifier is not null)
        {
            fields.Add(new("code_verifier", verifier));
        }

        fields.AddRange([new("grant_type", "authorization_code"), new("client_info", "1"), new("claims", Claims)]);
        return Create(host, origin, [.. fields]);
    }

    /// <summary>acquireTokenSilent's refresh_token grant.</summary>
    public static HttpRequestMessage Refresh(EntraEmulatorHost host, string refreshToken, string scope = Scope, string? origin = Origin, string claims = Claims) =>
        Create(host, origin,
        [
            new("client_id", DevelopmentDefaults.ClientId), new("scope", scope), new("grant_type", "refresh_token"), new("client_info", "1"),
            .. Telemetry(), new("refresh_token", refreshToken), new("claims", claims),
        ]);

    public static HttpRequestMessage Create(EntraEmulatorHost host, string? origin, KeyValuePair<string, string>[] fields, string? correlationId = null)
    {
        var body = string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{host.Authority}oauth2/v2.0/token?client-request-id={correlationId ?? Guid.NewGuid().ToString()}"))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded;charset=utf-8");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return request;
    }

    private static KeyValuePair<string, string>[] Telemetry() =>
    [
        new("x-client-SKU", "msal.js.browser"), new("x-client-VER", "5.29.0"), new("x-ms-lib-capability", "retry-after, h429"),
        new("x-client-current-telemetry", ""), new("x-client-last-telemetry", ""),
    ];
}
