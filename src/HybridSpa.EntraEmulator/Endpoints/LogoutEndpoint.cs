using HybridSpa.EntraEmulator.Configuration;
using HybridSpa.EntraEmulator.Hosting;
using HybridSpa.EntraEmulator.Pages;
using HybridSpa.EntraEmulator.Stores;
using HybridSpa.EntraEmulator.Tokens;

namespace HybridSpa.EntraEmulator.Endpoints;

/// <summary>
/// <c>GET|POST /{tenant}/oauth2/v2.0/logout</c> (§8): ends the emulator session (server-side and cookie), then redirects to a
/// registered <c>post_logout_redirect_uri</c> or shows the generic signed-out page.
/// </summary>
internal sealed class LogoutEndpoint(EmulatorDirectory directory, BrowserSessionStore sessions, EmulatorTokenValidator tokens, AuthorizeFlow flow)
{
    public async Task HandleAsync(HttpContext context, string tenant)
    {
        var (parsed, parseError) = await RequestParameters.ReadAsync(context).ConfigureAwait(false);
        if (parseError is not null || TenantRoute.Resolve(tenant, directory) is null)
        {
            await flow.ErrorPageAsync(context, parseError ?? Errors.AadstsErrors.TenantNotFound(tenant.Length > 64 ? tenant[..64] : tenant)).ConfigureAwait(false);
            return;
        }

        var parameters = parsed!;

        // UNCONFIRMED: an unverifiable id_token_hint is ignored rather than shown as an error.
        var hintedClient = await ClientFromIdTokenHintAsync(parameters.GetValueOrDefault("id_token_hint")).ConfigureAwait(false);
        var clientId = parameters.GetValueOrDefault("client_id") ?? hintedClient;

        // logout_hint (the login_hint claim) names the account; the emulator ends the whole browser session either way.
        if (BrowserCookies.FindSession(context, sessions) is { } session)
        {
            sessions.End(session);
        }

        BrowserCookies.ClearSession(context);
        var postLogout = parameters.GetValueOrDefault("post_logout_redirect_uri");
        if (postLogout is null || !IsRegistered(postLogout, clientId))
        {
            await SignedOutPage.WriteAsync(context).ConfigureAwait(false);
            return;
        }

        // UNCONFIRMED: whether Entra echoes state on the post-logout redirect; the emulator does.
        var location = parameters.GetValueOrDefault("state") is { Length: > 0 } state
            ? postLogout + (postLogout.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "state=" + Uri.EscapeDataString(state)
            : postLogout;
        Errors.NoCache.Apply(context.Response);
        context.Response.Redirect(location);
    }

    /// <summary>A post-logout URI must be registered (as a post-logout or redirect URI) on the app, or on any app when the request names none.</summary>
    private bool IsRegistered(string uri, string? clientId)
    {
        var apps = clientId is null ? directory.Options.Applications.ToArray() : [.. new[] { directory.FindApplication(clientId) }.OfType<AppRegistration>()];
        return apps.Any(app => app.PostLogoutRedirectUris.Concat(app.WebRedirectUris).Concat(app.SpaRedirectUris).Contains(uri, StringComparer.Ordinal));
    }

    private async Task<string?> ClientFromIdTokenHintAsync(string? idTokenHint)
    {
        var token = EmulatorTokenValidator.TryRead(idTokenHint);
        return token is not null && await tokens.HasValidSignatureAsync(token).ConfigureAwait(false) ? token.Audiences.FirstOrDefault() : null;
    }
}
