using HybridSpa.Web.Authentication.EntraSignIn;
using HybridSpa.Web.Http;
using HybridSpa.Web.TokenCache;
using Microsoft.Identity.Client;

namespace HybridSpa.Web.TokenAcquisition;

/// <summary>Registers MSAL.NET token acquisition.</summary>
public static class TokenAcquisitionExtensions
{
    /// <summary>
    /// Adds the confidential client (one per request, see <see cref="ConfidentialClientApplicationFactory"/>), the code redeemer
    /// used by sign-in, and silent token acquisition for the user.
    /// </summary>
    public static WebApplicationBuilder AddTokenAcquisition(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddHybridSpaHttpClients();
        services.AddDistributedTokenCache();
        services.AddSingleton<IMsalHttpClientFactory, MsalHttpClientFactory>();
        services.AddSingleton<ConfidentialClientApplicationFactory>();
        services.AddScoped(sp => sp.GetRequiredService<ConfidentialClientApplicationFactory>().Create());
        services.AddScoped<IAuthorizationCodeRedeemer, MsalAuthorizationCodeRedeemer>();
        services.AddScoped<IUserTokenAcquisition, UserTokenAcquisition>();
        return builder;
    }
}
