using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HybridSpa.Web.Authentication.EntraSignIn;

/// <summary>Registers the Entra sign-in scheme.</summary>
public static class EntraSignInExtensions
{
    /// <summary>
    /// Adds the Entra sign-in handler. An <see cref="IAuthorizationCodeRedeemer"/> must be registered
    /// (the token acquisition layer registers the MSAL.NET one).
    /// </summary>
    public static AuthenticationBuilder AddEntraSignIn(
        this AuthenticationBuilder builder, string authenticationScheme, Action<EntraSignInOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Key rollover retries within the same request, so a forced refresh must be fetched before
        // GetConfigurationAsync returns, not in the background (IdentityModel 8's default).
        AppContext.SetSwitch("Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking", true);

        builder.Services.AddHttpClient();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<EntraSignInOptions>, EntraSignInPostConfigureOptions>());
        return builder.AddRemoteScheme<EntraSignInOptions, EntraSignInHandler>(
            authenticationScheme, EntraSignInDefaults.DisplayName, configureOptions);
    }
}
