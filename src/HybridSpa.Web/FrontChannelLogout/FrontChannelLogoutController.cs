using System.Text.RegularExpressions;
using HybridSpa.Web.Configuration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Identity.Web.TokenCacheProviders;

namespace HybridSpa.Web.FrontChannelLogout;

/// <summary>
/// The app's front-channel logout URL: the identity provider loads it in a hidden iframe with <c>?sid=</c> when the user signs
/// out elsewhere. The official handler's <c>RemoteSignOutPath</c> (<c>/signout-oidc</c>) cannot serve it: it needs the sign-in
/// cookie, which a third-party iframe does not carry, and an <c>iss</c> parameter, which Entra does not send.
/// </summary>
[AllowAnonymous]
public sealed partial class FrontChannelLogoutController(
    IdentityProviderSessions sessions,
    IMsalTokenCacheProvider tokenCache,
    SignInSettings signIn,
    ILogger<FrontChannelLogoutController> logger) : Controller
{
    /// <summary>The path to register as the app's front-channel logout URL.</summary>
    public const string Path = "/signout-frontchannel";

    /// <summary>
    /// Ends every session of this app signed in under <c>sid</c>, on every instance, and removes the account's tokens, as the app's
    /// own sign-out does. The answer is the same whatever the request held or found: no oracle, no redirect, safe to repeat.
    /// </summary>
    [HttpGet(Path)]
    public async Task<IActionResult> SignOutFromElsewhere()
    {
        if (SessionIdFrom(Request.Query) is { } sid && await sessions.EndAsync(sid, HttpContext.RequestAborted) is { } ended)
        {
            if (ended.HomeAccountId is { } homeAccountId)
            {
                await tokenCache.ClearAsync(homeAccountId);
            }

            LogSessionEnded(logger);
        }

        // Only the identity provider's signed-out page may frame this; nothing about it is worth keeping.
        Response.Headers.ContentSecurityPolicy =
            $"default-src 'none'; base-uri 'none'; frame-ancestors {signIn.IdentityProviderOrigin}";
        Response.Headers.Remove("X-Frame-Options");
        Response.Headers.CacheControl = "no-store";
        return Content("<!DOCTYPE html><title>Signed out</title>", "text/html; charset=utf-8");
    }

    // One sid of a plausible shape (Entra's are GUIDs); anything else ends nothing, and answers the same.
    private static string? SessionIdFrom(IQueryCollection query) =>
        query.TryGetValue("sid", out var values) && values.Count == 1 && values[0] is { } sid && SessionIdShape().IsMatch(sid) ? sid : null;

    [GeneratedRegex("^[A-Za-z0-9._~-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex SessionIdShape();

    [LoggerMessage(300, LogLevel.Information, "Front-channel logout ended an identity-provider session.", EventName = "FrontChannelLogout")]
    private static partial void LogSessionEnded(ILogger logger);
}
