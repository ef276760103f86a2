using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Net.Http.Headers;

namespace HybridSpa.Web.SignIn;

/// <summary>
/// Keeps the correlation and nonce cookies of the newest <see cref="MaxPendingSignIns"/> unfinished sign-ins and deletes the rest.
/// Each challenge leaves a pair for 15 minutes, and the browser sends all of them to the callback: about 80 (many tabs) exceed
/// the server's request header limit, and the callback is a 431 with an empty body. The handler has no cap, and a challenge
/// cannot see those cookies (their path is the callback's), so a cookie of ours lists the pending pairs, newest last.
/// </summary>
internal static partial class PendingSignInCookies
{
    /// <summary>How many unfinished sign-ins keep their cookies: enough for a few tabs signing in at once.</summary>
    public const int MaxPendingSignIns = 5;

    /// <summary>The list of pending pairs.</summary>
    public const string ListCookieName = "__Host-HybridSpa.PendingSignIns";

    private const char PairSeparator = '|';
    private const char NameSeparator = '~';

    /// <summary>Adds the pair this challenge wrote to the list, and deletes the pairs that fall off its end.</summary>
    public static void Cap(RedirectContext context)
    {
        var http = context.HttpContext;
        var options = context.Options;
        bool IsPendingSignInCookie(string name) =>
            CookieName().IsMatch(name)
            && (name.StartsWith(options.CorrelationCookie.Name!, StringComparison.Ordinal) || name.StartsWith(options.NonceCookie.Name!, StringComparison.Ordinal));

        var written = SetCookieHeaderValue.TryParseList(http.Response.Headers.SetCookie, out var setCookies)
            ? setCookies.Where(c => c.Value.Length > 0).Select(c => c.Name.ToString()).Where(IsPendingSignInCookie).ToList()
            : [];
        if (written.Count == 0)
        {
            return;
        }

        // Only names this app writes survive the parse, so a tampered list can delete nothing else.
        var pairs = (http.Request.Cookies[ListCookieName] ?? string.Empty)
            .Split(PairSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split(NameSeparator).Where(IsPendingSignInCookie).ToList())
            .Where(pair => pair.Count > 0)
            .Append(written)
            .ToList();

        var dropped = pairs.Count - MaxPendingSignIns;
        foreach (var name in pairs.Take(Math.Max(dropped, 0)).SelectMany(pair => pair))
        {
            var cookie = name.StartsWith(options.NonceCookie.Name!, StringComparison.Ordinal) ? options.NonceCookie : options.CorrelationCookie;
            http.Response.Cookies.Delete(name, cookie.Build(http));
        }

        // SameSite=None like the cookies it lists, so a challenge started from the callback (a restart) still sees it.
        http.Response.Cookies.Append(
            ListCookieName,
            string.Join(PairSeparator, pairs.Skip(Math.Max(dropped, 0)).Select(pair => string.Join(NameSeparator, pair))),
            new CookieOptions
            {
                Path = "/",
                Secure = true,
                HttpOnly = true,
                SameSite = Microsoft.AspNetCore.Http.SameSiteMode.None,
                IsEssential = true,
                MaxAge = options.RemoteAuthenticationTimeout,
            });
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,1024}$")]
    private static partial Regex CookieName();
}
