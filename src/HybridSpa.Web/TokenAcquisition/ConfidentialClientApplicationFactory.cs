using System.Security.Cryptography.X509Certificates;
using HybridSpa.Web.Configuration;
using HybridSpa.Web.TokenCache;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace HybridSpa.Web.TokenAcquisition;

/// <summary>
/// Builds an <see cref="IConfidentialClientApplication"/> per request from the <c>AzureAd</c> section. Per request, because
/// MSAL reads its in-memory user cache after the locked load from <see cref="DistributedTokenCacheAdapter"/>: in one
/// application shared by concurrent users, another user's load (which replaces the in-memory cache) can land in between, and
/// the signed-in user's account is then not found. The tokens themselves live in the distributed cache and its L1, and the
/// client certificate is loaded once.
/// </summary>
internal sealed class ConfidentialClientApplicationFactory(
    IOptions<AzureAdOptions> azureAd,
    IOptions<SpaOptions> spa,
    IMsalHttpClientFactory httpClientFactory,
    DistributedTokenCacheAdapter tokenCache)
{
    private readonly Lazy<X509Certificate2> _certificate = new(() => CertificateLoader.LoadFirst(azureAd.Value.ClientCertificates, "AzureAd:ClientCertificates"));

    public IConfidentialClientApplication Create()
    {
        var options = azureAd.Value;
        var builder = ConfidentialClientApplicationBuilder.Create(options.ClientId)
            .WithAuthority(options.Authority)
            .WithRedirectUri(PublicUris.WebRedirectUri(spa.Value, options))
            .WithHttpClientFactory(httpClientFactory)
            .WithLegacyCacheCompatibility(false)
            // Instance discovery asks login.microsoftonline.com about the host: only meaningful for Microsoft's clouds.
            .WithInstanceDiscovery(MicrosoftCloudHosts.Contains(new Uri(options.Instance)));

        builder = string.IsNullOrEmpty(options.ClientSecret)
            ? builder.WithCertificate(_certificate.Value, sendX5C: true)
            : builder.WithClientSecret(options.ClientSecret);

        var application = builder.Build();
        tokenCache.Attach(application.UserTokenCache);
        return application;
    }
}
