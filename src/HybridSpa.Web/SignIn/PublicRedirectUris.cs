using HybridSpa.Web.Configuration;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace HybridSpa.Web.SignIn;

/// <summary>
/// The redirect URIs the sign-in sends — the authorize request's <c>redirect_uri</c>, MSAL.NET's at code redemption, the
/// sign-out's <c>post_logout_redirect_uri</c> — are the registered ones of <see cref="SignInSettings"/>, on the public origin. The official handler and
/// Identity.Web would build them from the request, and Identity.Web keeps the first request's in its cached MSAL client: a
/// request that reached an instance under another name (a proxy's internal address) would then break every redemption after it.
/// </summary>
internal sealed class PublicRedirectUris(SignInSettings settings)
    : SignInEventsAddition, IConfigureNamedOptions<ConfidentialClientApplicationOptions>
{
    /// <inheritdoc />
    protected override void Chain(string scheme, OpenIdConnectOptions options)
    {
        var webRedirectUri = settings.WebRedirectUri;
        var postLogoutRedirectUri = settings.PostLogoutRedirectUri;
        var redirectToIdentityProvider = options.Events.OnRedirectToIdentityProvider;
        options.Events.OnRedirectToIdentityProvider = async context =>
        {
            await redirectToIdentityProvider(context);
            context.ProtocolMessage.RedirectUri = webRedirectUri;
        };

        var redirectToIdentityProviderForSignOut = options.Events.OnRedirectToIdentityProviderForSignOut;
        options.Events.OnRedirectToIdentityProviderForSignOut = async context =>
        {
            await redirectToIdentityProviderForSignOut(context);
            context.ProtocolMessage.PostLogoutRedirectUri = postLogoutRedirectUri;
        };
    }

    /// <inheritdoc />
    public void Configure(string? name, ConfidentialClientApplicationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name is SignInSchemes.OpenIdConnect or SignInSchemes.OpenIdConnectWithoutSpaCode)
        {
            options.RedirectUri = settings.WebRedirectUri;
        }
    }

    /// <inheritdoc />
    public void Configure(ConfidentialClientApplicationOptions options) => Configure(Options.DefaultName, options);
}
