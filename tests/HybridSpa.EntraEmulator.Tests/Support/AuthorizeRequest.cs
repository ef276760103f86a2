namespace HybridSpa.EntraEmulator.Tests.Support;

/// <summary>An /authorize request; the defaults are the web app's server leg (Web redirect URI, form_post, PKCE, nonce, client_info).</summary>
public sealed record AuthorizeRequest
{
    public string ClientId { get; init; } = DevelopmentDefaults.ClientId;

    public string? RedirectUri { get; init; } = DevelopmentDefaults.WebRedirectUri;

    public string? Scope { get; init; } = "openid profile offline_access User.Read";

    public string? ResponseMode { get; init; } = "form_post";

    public string? ResponseType { get; init; } = "code";

    public string? State { get; init; } = "state-" + Guid.NewGuid().ToString("N");

    public string? Nonce { get; init; } = Guid.NewGuid().ToString();

    public Pkce? Pkce { get; init; } = Pkce.Create();

    public string? CodeChallengeMethod { get; init; } = "S256";

    public string? Prompt { get; init; }

    public string? LoginHint { get; init; }

    public string? MaxAge { get; init; }

    public bool ClientInfo { get; init; } = true;

    /// <summary>The <c>claims</c> parameter; msal-browser always sends its optional ID-token claims.</summary>
    public string? Claims { get; init; } = """{"id_token":{"signin_state":{"essential":false},"login_hint":{"essential":false}}}""";

    public string Tenant { get; init; } = DevelopmentDefaults.TenantId;

    /// <summary>The SPA fallback of msal-browser's loginRedirect (§5.2): SPA redirect URI, fragment, PKCE.</summary>
    public static AuthorizeRequest Spa() => new()
    {
        RedirectUri = DevelopmentDefaults.SpaRedirectUri,
        Scope = "User.Read openid profile offline_access",
        ResponseMode = "fragment",
    };

    public string ToUrl(EntraEmulatorHost host)
    {
        var parameters = new List<KeyValuePair<string, string?>>
        {
            new("client_id", ClientId),
            new("scope", Scope),
            new("redirect_uri", RedirectUri),
            new("client-request-id", Guid.NewGuid().ToString()),
            new("response_mode", ResponseMode),
            new("client_info", ClientInfo ? "1" : null),
            new("clidata", "1"),
            new("login_hint", LoginHint),
            new("X-AnchorMailbox", LoginHint is null ? null : "UPN:" + LoginHint),
            new("nonce", Nonce),
            new("state", State),
            new("claims", Claims),
            new("prompt", Prompt),
            new("max_age", MaxAge),
            new("pocd", "1"),
            new("x-client-SKU", "msal.js.browser"),
            new("response_type", ResponseType),
            new("code_challenge", Pkce?.Challenge),
            new("code_challenge_method", Pkce is null ? null : CodeChallengeMethod),
        };
        var query = string.Join('&', parameters.Where(p => p.Value is not null).Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value!)}"));
        return $"{host.BaseAddress}{Tenant}/oauth2/v2.0/authorize?{query}";
    }
}
