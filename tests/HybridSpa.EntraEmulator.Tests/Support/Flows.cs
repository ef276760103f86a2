namespace HybridSpa.EntraEmulator.Tests.Support;

/// <summary>Common multi-step journeys, so each test states only what it is about.</summary>
public static class Flows
{
    /// <summary>Signs in through /authorize (Web redirect URI by default) and returns the code with the request that produced it.</summary>
    public static async Task<(string Code, AuthorizeRequest Request)> CodeAsync(EntraEmulatorHost host, AuthorizeRequest? request = null, string user = TestUsers.Adele, string? password = null)
    {
        using var browser = new Browser(host);
        request ??= new AuthorizeRequest();
        var response = await browser.SignInAsync(request, user, password);
        return (response["code"], request);
    }

    /// <summary>The whole hybrid bootstrap: server leg through MSAL.NET, then the SPA's spa_code redemption. Returns the SPA's token response.</summary>
    public static async Task<TokenResponse> SpaTokensAsync(EntraEmulatorHost host, HttpClient client, string user = TestUsers.Adele)
    {
        var (code, request) = await CodeAsync(host, user: user);
        var result = await MsalServer.RedeemAsync(MsalServer.WithSecret(host), code, request.Pkce);
        return await TokenResponse.SendAsync(client, SpaRequests.RedeemSpaCode(host, result.SpaAuthCode));
    }

    /// <summary>A Web-code redemption shaped like MSAL.NET's (§6.1), for tests that need to bend one parameter.</summary>
    public static HttpRequestMessage WebRedemption(
        EntraEmulatorHost host, string code, string? verifier, string? redirectUri = DevelopmentDefaults.WebRedirectUri, string? secret = DevelopmentDefaults.ClientSecret,
        string? origin = null, bool returnSpaCode = true)
    {
        var fields = new List<KeyValuePair<string, string>> { new("client_id", DevelopmentDefaults.ClientId) };
        if (secret is not null)
        {
            fields.Add(new("client_secret", secret));
        }

        fields.AddRange([new("scope", "offline_access openid profile User.Read"), new("client_info", "1"), new("grant_type", "authorization_code"), new("code", code)]);
        if (redirectUri is not null)
        {
            fields.Add(new("redirect_uri", redirectUri));
        }

        if (verifier is not null)
        {
            fields.Add(new("code_verifier", verifier));
        }

        if (returnSpaCode)
        {
            fields.Add(new("return_spa_code", "1"));
        }

        return SpaRequests.Create(host, origin, [.. fields]);
    }

    /// <summary>The web app's refresh-token redemption (client secret, no Origin), with a <c>claims</c> request.</summary>
    public static HttpRequestMessage WebRefresh(EntraEmulatorHost host, string refreshToken, string claims) =>
        SpaRequests.Create(host, null,
        [
            new("client_id", DevelopmentDefaults.ClientId), new("client_secret", DevelopmentDefaults.ClientSecret), new("scope", "offline_access openid profile User.Read"),
            new("grant_type", "refresh_token"), new("refresh_token", refreshToken), new("claims", claims),
        ]);

    /// <summary>The same token request sent to another authority (<c>common</c>, <c>organizations</c>, <c>consumers</c> or a tenant id).</summary>
    public static HttpRequestMessage At(this HttpRequestMessage message, EntraEmulatorHost host, string tenant)
    {
        message.RequestUri = new Uri(message.RequestUri!.ToString().Replace($"/{host.Options.TenantId}/", $"/{tenant}/", StringComparison.Ordinal));
        return message;
    }
}
