using System.Net.Http.Headers;
using System.Text;
using HybridSpa.EntraEmulator;
using HybridSpa.Web.Tests.Infrastructure;

namespace HybridSpa.Web.Tests.Integration;

/// <summary>What the SPA does with the rendered code, without a browser.</summary>
public static class MsalBrowserRedemption
{
    /// <summary>msal-browser's acquireTokenByCode for a hybrid spa_code: Origin header, no secret, no redirect_uri, no verifier.</summary>
    public static HttpRequestMessage Request(string tokenEndpoint, string spaCode)
    {
        var fields = new Dictionary<string, string>
        {
            ["client_id"] = DevelopmentDefaults.ClientId,
            ["scope"] = "User.Read openid profile offline_access",
            ["code"] = spaCode,
            ["x-client-SKU"] = "msal.js.browser",
            ["x-client-VER"] = "5.29.0",
            ["grant_type"] = "authorization_code",
            ["client_info"] = "1",
        };
        var body = string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{tokenEndpoint}?client-request-id={Guid.NewGuid()}"))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded;charset=utf-8");
        request.Headers.Add("Origin", TestSettings.Origin);
        return request;
    }
}
