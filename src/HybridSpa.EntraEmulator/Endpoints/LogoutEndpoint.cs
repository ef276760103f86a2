using HybridSpa.EntraEmulator.Configuration;
using HybridSpa.EntraEmulator.Hosting;
using HybridSpa.EntraEmulator.Pages;
using HybridSpa.EntraEmulator.Stores;
using HybridSpa.EntraEmulator.Tokens;

namespace HybridSpa.EntraEmulator.Endpoints;

/// <summary>
/// <c>GET|POST /{tenant}/oauth2/v2.0/logout</c> (§8): ends the emulator session (server-side and cookie), calls the front-channel
/// logout URL of every app the signed-out accounts signed in to (hidden iframes, <c>?sid=</c> only, as Entra), then redirects to a
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
        var hintedClient = ClientFromIdTokenHint(parameters.GetValueOrDefault("id_token_hint"));
        var clientId = parameters.GetValueOrDefault("client_id") ?? hintedClient;

        var frames = FrontChannelLogouts(EndSignIn(context, parameters.GetValueOrDefault("logout_hint")));
        var postLogout = parameters.GetValueOrDefault("post_logout_redirect_uri");
        if (postLogout is null || !IsRegistered(postLogout, clientId))
        {
            await (frames.Count > 0 ? SignedOutPage.WriteAsync(context, frames, continueTo: null) : SignedOutPage.WriteAsync(context)).ConfigureAwait(false);
            return;
        }

        // UNCONFIRMED: whether Entra echoes state on the post-logout redirect; the emulator does.
        var location = parameters.GetValueOrDefault("state") is { Length: > 0 } state ? WithQuery(postLogout, "state", state) : postLogout;
        if (frames.Count > 0)
        {
            await SignedOutPage.WriteAsync(context, frames, location).ConfigureAwait(false);
            return;
        }

        Errors.NoCache.Apply(context.Response);
        context.Response.Redirect(location);
    }

    /// <summary>Each app the signed-out accounts signed in to that has a front-channel logout URL, called with that sign-in's sid.</summary>
    private List<FrontChannelLogout> FrontChannelLogouts(IReadOnlyList<AccountSignIn> signedOut) =>
    [
        .. signedOut
            .SelectMany(account => account.ClientIds.Select(directory.FindApplication).OfType<AppRegistration>().Select(app => (app, account.Sid)))
            .Where(pair => pair.app.FrontChannelLogoutUrl is not null)
            .Select(pair => new FrontChannelLogout(WithQuery(pair.app.FrontChannelLogoutUrl!, "sid", pair.Sid), pair.app.DisplayName))
            .DistinctBy(frame => frame.Url, StringComparer.Ordinal),
    ];

    private static string WithQuery(string uri, string name, string value) =>
        uri + (uri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + name + "=" + Uri.EscapeDataString(value);

    /// <summary>
    /// logout_hint (the account's login_hint claim) signs that account out and leaves the browser's other accounts signed in;
    /// the last account, or a request that names none the session holds, ends the whole session and its cookie.
    /// UNCONFIRMED: without a usable hint Entra shows an account picker for sign-out; the emulator signs everyone out.
    /// </summary>
    /// <returns>The sign-ins that ended.</returns>
    private IReadOnlyList<AccountSignIn> EndSignIn(HttpContext context, string? logoutHint)
    {
        var session = BrowserCookies.FindSession(context, sessions);
        var hinted = logoutHint is null ? null : directory.FindUserByHint(logoutHint);
        if (session is not null && hinted is not null && session.Find(hinted.ObjectId) is { } account && session.Accounts.Count > 1)
        {
            session.SignOut(hinted.ObjectId);
            return [account];
        }

        IReadOnlyList<AccountSignIn> ended = session?.Accounts ?? [];
        if (session is not null)
        {
            sessions.End(session);
        }

        BrowserCookies.ClearSession(context);
        return ended;
    }

    /// <summary>A post-logout URI must be registered (as a post-logout or redirect URI) on the app, or on any app when the request names none.</summary>
    private bool IsRegistered(string uri, string? clientId)
    {
        var apps = clientId is null ? directory.Options.Applications.ToArray() : [.. new[] { directory.FindApplication(clientId) }.OfType<AppRegistration>()];
        return apps.Any(app => app.PostLogoutRedirectUris.Concat(app.WebRedirectUris).Concat(app.SpaRedirectUris).Contains(uri, StringComparer.Ordinal));
    }

    private string? ClientFromIdTokenHint(string? idTokenHint)
    {
        var token = EmulatorTokenValidator.TryRead(idTokenHint);
        return token is not null && tokens.HasValidSignature(token) ? token.Audiences.FirstOrDefault() : null;
    }
}
