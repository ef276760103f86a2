using Microsoft.AspNetCore.Authentication.Cookies;

namespace HybridSpa.Web.SignIn;

/// <summary>
/// The cookie handler's own chunking cookie manager, blind to the sign-in cookie on the paths that must answer while the shared
/// store is down (error pages, health): there the cookie would send the handler to the store for the ticket, and a failed read
/// would fail the 503 page itself. Those pages need no user.
/// </summary>
internal sealed class SessionlessPathsCookieManager : ICookieManager
{
    private readonly ChunkingCookieManager _inner = new();

    public string? GetRequestCookie(HttpContext context, string key) =>
        SignInExtensions.IsSessionless(context) ? null : _inner.GetRequestCookie(context, key);

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        _inner.AppendResponseCookie(context, key, value, options);

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) => _inner.DeleteCookie(context, key, options);
}
