using Microsoft.Identity.Client;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace HybridSpa.Web.SignIn;

/// <summary>What the hybrid flow adds to Microsoft.Identity.Web's sign-in, one part per concern, in the one order they wrap.</summary>
internal static class SignInAdditions
{
    /// <summary>
    /// Each part wraps the events as the parts above it left them, so a part further down runs its code before the wrapped event
    /// earlier and its code after it later; every part's "before" code still runs before Identity.Web's handlers.
    /// </summary>
    public static IServiceCollection AddHybridSignInAdditions(this IServiceCollection services)
    {
        services.AddSingleton<IPostConfigureOptions<OpenIdConnectOptions>, CallbackParameterNeutralising>();
        services.AddSingleton<IPostConfigureOptions<OpenIdConnectOptions>, TokenResponseValidation>();
        services.AddSingleton<IPostConfigureOptions<OpenIdConnectOptions>, SignInRestart>();

        // Inside the error page: a silent sign-in that needs interaction restarts before a failure is shown.
        services.AddSingleton<IPostConfigureOptions<OpenIdConnectOptions>, SilentSignInRestart>();
        services.AddSingleton<IPostConfigureOptions<OpenIdConnectOptions>, SignInErrorPage>();

        // Outside the error page's outage catch, inside the SPA-code capture: the restart's challenge runs in the one-request session.
        services.AddSingleton<IPostConfigureOptions<OpenIdConnectOptions>, SpaCodeRefusedRestart>();
        services.AddSingleton<IPostConfigureOptions<OpenIdConnectOptions>, SpaCodeHandOff>();

        services.AddSingleton<IPostConfigureOptions<OpenIdConnectOptions>, IncrementalConsentLog>();
        services.AddSingleton<IPostConfigureOptions<OpenIdConnectOptions>, PendingSignInCookies>();
        services.AddSingleton<IPostConfigureOptions<OpenIdConnectOptions>, ServerSideSessionEvents>(); // notes the ticket a sign-in replaces
        services.AddSingleton<IPostConfigureOptions<OpenIdConnectOptions>, ClientInfoRequest>();
        services.AddSingleton<IPostConfigureOptions<OpenIdConnectOptions>, SignOutHints>();
        services.AddSingleton<IPostConfigureOptions<OpenIdConnectOptions>, SignedOutPage>();
        services.AddSingleton<IPostConfigureOptions<OpenIdConnectOptions>, PublicRedirectUris>();
        services.AddSingleton<IConfigureOptions<ConfidentialClientApplicationOptions>, PublicRedirectUris>();
        return services;
    }
}
