using HybridSpa.Web.Http;
using Microsoft.Identity.Client;

namespace HybridSpa.Web.SignIn;

/// <summary>MSAL.NET's token requests go through the identity provider's named HttpClient, like the handler's backchannel.</summary>
internal sealed class MsalHttpClientFactory(IHttpClientFactory httpClientFactory) : IMsalHttpClientFactory
{
    public HttpClient GetHttpClient() => httpClientFactory.CreateClient(HttpClientNames.IdentityProvider);
}
