namespace HybridSpa.Web.Tests.Infrastructure;

/// <summary>The configuration the test host runs with.</summary>
public static class TestSettings
{
    public const string Origin = "https://localhost:5001";
    public const string IdpOrigin = "https://idp.test";
    public const string TenantId = "6a1f4b0e-2d3c-4e5f-8a9b-0c1d2e3f4a5b";
    public const string ClientId = "c2b7e3a9-4f1d-4b6e-9a8c-5d3e2f1a0b7c";
    public const string ClientSecret = "hybridspa-test-secret-long-enough-for-hmac-sha256";
    public const string GraphBaseUrl = "https://graph.test/v1.0";
    public const string Issuer = IdpOrigin + "/" + TenantId + "/v2.0";
    public const string AuthorizeEndpoint = IdpOrigin + "/" + TenantId + "/oauth2/v2.0/authorize";
    public const string EndSessionEndpoint = IdpOrigin + "/" + TenantId + "/oauth2/v2.0/logout";

    public static Dictionary<string, string?> Configuration() => new()
    {
        ["AzureAd:Instance"] = IdpOrigin + "/",
        ["AzureAd:TenantId"] = TenantId,
        ["AzureAd:ClientId"] = ClientId,
        ["AzureAd:ClientSecret"] = ClientSecret,
        ["AzureAd:WithSpaAuthCode"] = "true",
        ["DownstreamApis:Graph:BaseUrl"] = GraphBaseUrl,
        ["DownstreamApis:Graph:Scopes:0"] = "User.Read",
        ["Spa:RedirectUri"] = Origin + "/",
    };
}
