using HybridSpa.Web.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace HybridSpa.Web.SignIn;

/// <summary>
/// Every sign-in starts a new session: a session cookie that arrives with the callback (planted by someone else, or left from an
/// earlier sign-in) must not receive the new sign-in's hand-off. ASP.NET Core's session cannot renew its id, so the callback
/// reaches the session middleware without that cookie, and the middleware issues a new id and cookie once the hand-off is written.
/// </summary>
internal sealed class CallbackSessionRenewal(RequestDelegate next, SignInSettings settings, IOptions<SessionOptions> session)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path == settings.CallbackPath && context.Request.Cookies.ContainsKey(session.Value.Cookie.Name!))
        {
            // A header too malformed to parse goes as a whole: the callback then fails its correlation check with a clear page.
            context.Request.Headers.Cookie = CookieHeaderValue.TryParseList(context.Request.Headers.Cookie, out var cookies)
                ? string.Join("; ", cookies.Where(cookie => !cookie.Name.Equals(session.Value.Cookie.Name, StringComparison.Ordinal)))
                : StringValues.Empty;
        }

        return next(context);
    }
}
