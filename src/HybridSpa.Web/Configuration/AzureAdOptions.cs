using Microsoft.Identity.Web;

namespace HybridSpa.Web.Configuration;

/// <summary>The <c>AzureAd</c> section, in Microsoft.Identity.Web's shape.</summary>
public sealed class AzureAdOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "AzureAd";

    /// <summary>Cloud instance, e.g. <c>https://login.microsoftonline.com/</c>.</summary>
    public string Instance { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>Tenant GUID, or <c>organizations</c>/<c>common</c>.</summary>
    public string? TenantId { get; set; }

    /// <summary>Application (client) id.</summary>
    public string? ClientId { get; set; }

    /// <summary>Client secret (user-secrets or environment variables, never appsettings in production).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Certificates used instead of a secret; the first one that loads is used.</summary>
    public IList<CertificateDescription> ClientCertificates { get; } = [];

    /// <summary>Web redirect path that receives the form_post.</summary>
    public string CallbackPath { get; set; } = "/signin-oidc";

    /// <summary>Path the identity provider returns to after sign-out.</summary>
    public string SignedOutCallbackPath { get; set; } = "/signout-callback-oidc";

    /// <summary>Ask the token endpoint for a hybrid SPA code when redeeming the sign-in code.</summary>
    public bool WithSpaAuthCode { get; set; } = true;

    /// <summary>Whether metadata must be fetched over HTTPS.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The authority, <c>{Instance}{TenantId}/</c>.</summary>
    public string Authority => $"{Instance.TrimEnd('/')}/{TenantId}/";
}
