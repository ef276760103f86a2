using HybridSpa.Web.Http;
using Microsoft.Identity.Client;

namespace HybridSpa.Web.TokenAcquisition;

/// <summary>Gives MSAL.NET the named identity provider client, so its handler (certificates, proxies) is configured in one place.</summary>
internal sealed class MsalHttpClientFactory(IHttpClientFactory httpClientFactory) : IMsalHttpClientFactory
{
    public HttpClient GetHttpClient() => httpClientFactory.CreateClient(HttpClientNames.IdentityProvider);
}
