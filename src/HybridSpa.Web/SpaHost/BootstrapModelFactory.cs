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
            ClientId: signIn.ClientId,
            Authority: signIn.Authority,
            KnownAuthorities: [signIn.KnownAuthority],
            AuthorityMetadata: await AuthorityMetadataAsync(context.RequestAborted),
            RedirectUri: signIn.SpaRedirectUri,
            Scopes: [.. graph.Value.Scopes],
            GraphBaseUrl: graph.Value.BaseUrl,
            SpaCode: handOff.SpaCode,
            LoginHint: handOff.LoginHint ?? context.User.LoginHint(),
            Sid: handOff.Sid ?? context.User.SessionId(),
            BootstrapByRedirect: handOff.BootstrapByRedirect,
            SpaCodeRequested: signIn.SpaCodeRequested,
            SilentRedirectUri: signIn.SpaCodeRequested ? null : signIn.PublicUri(SpaRoutes.SilentCallback),
            FreshSpaCodeUrl: SpaRoutes.FreshSpaCode,
            SessionStatusUrl: SpaRoutes.SessionStatus,
            SignOut: new SignOutBootstrap(SpaRoutes.SignOut, SpaRoutes.SignOutAntiforgery),
            Pages: new SitePages(SpaRoutes.HostPage, SpaRoutes.Profile, SpaRoutes.ProfileMail, SpaRoutes.SignedOut));
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
