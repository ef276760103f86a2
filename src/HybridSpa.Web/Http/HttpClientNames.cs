namespace HybridSpa.Web.Http;

/// <summary>Names of the <see cref="IHttpClientFactory"/> clients every outgoing call goes through.</summary>
public static class HttpClientNames
{
    /// <summary>Metadata, JWKS and token endpoint calls (ConfigurationManager and MSAL.NET).</summary>
    public const string IdentityProvider = "HybridSpa.IdentityProvider";

    /// <summary>Microsoft Graph calls made by the server.</summary>
    public const string Graph = "HybridSpa.Graph";
}
