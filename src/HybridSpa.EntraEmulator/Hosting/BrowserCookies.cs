using HybridSpa.EntraEmulator.Stores;
using HybridSpa.EntraEmulator.Tokens;

namespace HybridSpa.EntraEmulator.Hosting;

/// <summary>
/// The emulator's cookies. The session cookie is <c>Secure; SameSite=None; HttpOnly</c> so it travels in third-party
/// contexts (hidden iframes) only when the browser allows third-party cookies, which keeps that blocking observable.
/// </summary>
internal static class BrowserCookies
{
    /// <summary>Named after Entra's session cookie.</summary>
    public const string Session = "ESTSAUTH";

    /// <summary>Binds interaction forms to this browser (CSRF); only ever needed first-party.</summary>
    public const string BrowserId = "esctx";

    public static BrowserSession? FindSession(HttpContext context, BrowserSessionStore sessions) =>
        sessions.Find(context.Request.Cookies[Session]);

    public static void SetSession(HttpContext context, BrowserSession session) =>
        context.Response.Cookies.Append(Session, session.Id, new CookieOptions
        {
            Secure = true, HttpOnly = true, SameSite = SameSiteMode.None, Path = "/", IsEssential = true,
        });

    public static void ClearSession(HttpContext context) =>
        context.Response.Cookies.Delete(Session, new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.None, Path = "/" });

    public static string? FindBrowserId(HttpContext context) => context.Request.Cookies[BrowserId];

    public static string GetOrCreateBrowserId(HttpContext context)
    {
        if (FindBrowserId(context) is { Length: > 0 } existing)
        {
            return existing;
        }

        var id = OpaqueValues.NewHandle(24);
        context.Response.Cookies.Append(BrowserId, id, new CookieOptions
        {
            Secure = true, HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true,
        });
        return id;
    }
}
