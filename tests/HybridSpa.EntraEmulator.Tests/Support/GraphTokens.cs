using Microsoft.Identity.Client;

namespace HybridSpa.EntraEmulator.Tests.Support;

/// <summary>Graph access tokens with exactly the permissions a test needs: sign-in (consenting if asked), then MSAL.NET redeems the code for them.</summary>
public static class GraphTokens
{
    public static Task<AuthenticationResult> ForAsync(EntraEmulatorHost host, string user, params string[] scopes) =>
        ForAsync(MsalServer.WithSecret(host), host, user, scopes);

    /// <summary>The same through a given MSAL.NET client (e.g. one declaring client capabilities), whose cache then holds the account.</summary>
    public static async Task<AuthenticationResult> ForAsync(IConfidentialClientApplication msal, EntraEmulatorHost host, string user, params string[] scopes)
    {
        var password = host.Options.Users.Single(u => u.ObjectId == user).Password;
        var (code, request) = await Flows.CodeAsync(host, new AuthorizeRequest { Scope = "openid profile offline_access " + string.Join(' ', scopes) }, user, password);
        return await MsalServer.RedeemAsync(msal, code, request.Pkce, spaCode: false, scopes: scopes);
    }

    public static async Task<string> AccessTokenAsync(EntraEmulatorHost host, string user, params string[] scopes) => (await ForAsync(host, user, scopes)).AccessToken;
}
