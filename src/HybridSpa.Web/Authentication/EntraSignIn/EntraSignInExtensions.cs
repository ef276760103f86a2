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

        builder.Services.AddHttpClient();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<EntraSignInOptions>, EntraSignInPostConfigureOptions>());
        return builder.AddRemoteScheme<EntraSignInOptions, EntraSignInHandler>(
            authenticationScheme, EntraSignInDefaults.DisplayName, configureOptions);
    }
}
