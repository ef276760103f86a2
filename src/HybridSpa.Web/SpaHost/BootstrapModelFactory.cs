using System.Runtime.CompilerServices;
using HybridSpa.Web.Configuration;
using HybridSpa.Web.HandOff;
using HybridSpa.Web.Routes;
using HybridSpa.Web.SignIn;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace HybridSpa.Web.SpaHost;

/// <summary>Builds the bootstrap for the signed-in user, taking the SPA code out of the session.</summary>
public sealed class BootstrapModelFactory(
    SignInSettings signIn,
    IOptions<GraphApiOptions> graph,
    IOptionsMonitor<OpenIdConnectOptions> signInOptions,
    SpaHandOffStore handOffStore)
{
    private static readonly ConditionalWeakTable<OpenIdConnectConfiguration, string> SerializedMetadata = new();

    /// <summary>Creates the model; the SPA code is removed from the session as a side effect.</summary>
    public async Task<BootstrapModel> CreateAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var handOff = await handOffStore.TakeAsync(context, context.RequestAborted);

        return new BootstrapModel(
            clientId: signIn.ClientId,
            authority: signIn.Authority,
            knownAuthorities: [signIn.KnownAuthority],
            authorityMetadata: await AuthorityMetadataAsync(context.RequestAborted),
            redirectUri: signIn.SpaRedirectUri,
            scopes: [.. graph.Value.Scopes],
            graphBaseUrl: graph.Value.BaseUrl,
            spaCode: handOff.SpaCode,
            loginHint: handOff.LoginHint ?? context.User.LoginHint(),
            sid: handOff.Sid ?? context.User.SessionId(),
            bootstrapByRedirect: handOff.BootstrapByRedirect,
            spaCodeRequested: signIn.SpaCodeRequested,
            silentRedirectUri: signIn.SpaCodeRequested ? null : signIn.PublicUri(SpaRoutes.SilentCallback),
            freshSpaCodeUrl: SpaRoutes.FreshSpaCode,
            sessionStatusUrl: SpaRoutes.SessionStatus,
            signOut: new SignOutBootstrap(url: SpaRoutes.SignOut, antiforgeryUrl: SpaRoutes.SignOutAntiforgery),
            pages: new SitePages(
                home: SpaRoutes.HostPage, profile: SpaRoutes.Profile, profileMail: SpaRoutes.ProfileMail, signedOut: SpaRoutes.SignedOut));
    }

    // The discovery document the server already holds, so MSAL.js makes no discovery request of its own. Serialized once per
    // configuration instance (the manager hands out the same one until it refreshes), not on every render of the host page.
    private async Task<string?> AuthorityMetadataAsync(CancellationToken cancellationToken)
    {
        var manager = signInOptions.Get(SignInSchemes.OpenIdConnect).ConfigurationManager;
        return manager is null
            ? null
            : SerializedMetadata.GetValue(await manager.GetConfigurationAsync(cancellationToken), OpenIdConnectConfiguration.Write);
    }
}
