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
internal sealed partial class PendingSignInCookies : SignInEventsAddition
{
    /// <summary>How many unfinished sign-ins keep their cookies: enough for a few tabs signing in at once.</summary>
    public const int MaxPendingSignIns = 5;

    /// <summary>The list of pending pairs.</summary>
    public const string ListCookieName = "__Host-HybridSpa.PendingSignIns";

    private const char PairSeparator = '|';
    private const char NameSeparator = '~';

    /// <inheritdoc />
    protected override void Chain(string scheme, OpenIdConnectOptions options)
    {
        var events = options.Events;
        var redirectToIdentityProvider = events.OnRedirectToIdentityProvider;
        events.OnRedirectToIdentityProvider = async context =>
        {
            await redirectToIdentityProvider(context);
            Cap(context);
        };

        var ticketReceived = events.OnTicketReceived;
        events.OnTicketReceived = context =>
        {
            Prune(context.HttpContext, options);
            return ticketReceived(context);
        };
    }

    // Adds the pair this challenge wrote to the list, and deletes the pairs that fall off its end.
    private static void Cap(RedirectContext context)
    {
        var http = context.HttpContext;
        var options = context.Options;
        var written = ResponseCookies(http, deleted: false).Where(name => IsPendingSignInCookie(name, options)).ToList();
        if (written.Count == 0)
        {
            return;
        }

        var pairs = ListedPairs(http, options).Append(written).ToList();
        var dropped = Math.Max(pairs.Count - MaxPendingSignIns, 0);
        foreach (var name in pairs.Take(dropped).SelectMany(pair => pair))
        {
            var cookie = name.StartsWith(options.NonceCookie.Name!, StringComparison.Ordinal) ? options.NonceCookie : options.CorrelationCookie;
            http.Response.Cookies.Delete(name, cookie.Build(http));
        }

        WriteList(http, options, pairs.Skip(dropped).ToList());
    }

    // At a completed callback: takes off the list the pair the handler just deleted (this sign-in's) and pairs whose cookies the
    // browser no longer sends (expired), so a signed-in browser does not carry a list of finished sign-ins on every request.
    private static void Prune(HttpContext http, OpenIdConnectOptions options)
    {
        if (!http.Request.Cookies.ContainsKey(ListCookieName))
        {
            return;
        }

        var deleted = ResponseCookies(http, deleted: true).ToHashSet(StringComparer.Ordinal);
        var pending = ListedPairs(http, options)
            .Where(pair => pair.Any(name => !deleted.Contains(name) && http.Request.Cookies.ContainsKey(name)))
            .ToList();
        WriteList(http, options, pending);
    }

    private static bool IsPendingSignInCookie(string name, OpenIdConnectOptions options) =>
        CookieName().IsMatch(name)
        && (name.StartsWith(options.CorrelationCookie.Name!, StringComparison.Ordinal) || name.StartsWith(options.NonceCookie.Name!, StringComparison.Ordinal));

    // The names of the cookies this response writes (or deletes: an empty value).
    private static IEnumerable<string> ResponseCookies(HttpContext http, bool deleted) =>
        SetCookieHeaderValue.TryParseList(http.Response.Headers.SetCookie, out var setCookies)
            ? setCookies.Where(c => c.Value.Length == 0 == deleted).Select(c => c.Name.ToString())
            : [];

    // Only names this app writes survive the parse, so a tampered list can delete nothing else.
    private static IEnumerable<List<string>> ListedPairs(HttpContext http, OpenIdConnectOptions options) =>
        (http.Request.Cookies[ListCookieName] ?? string.Empty)
            .Split(PairSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split(NameSeparator).Where(name => IsPendingSignInCookie(name, options)).ToList())
            .Where(pair => pair.Count > 0);

    private static void WriteList(HttpContext http, OpenIdConnectOptions options, List<List<string>> pairs)
    {
        // SameSite=None like the cookies it lists, so a challenge started from the callback (a restart) still sees it.
        var cookie = new CookieOptions
        {
            Path = "/",
            Secure = true,
            HttpOnly = true,
            SameSite = Microsoft.AspNetCore.Http.SameSiteMode.None,
            IsEssential = true,
            MaxAge = options.RemoteAuthenticationTimeout,
        };
        if (pairs.Count == 0)
        {
            http.Response.Cookies.Delete(ListCookieName, cookie);
            return;
        }

        http.Response.Cookies.Append(ListCookieName, string.Join(PairSeparator, pairs.Select(pair => string.Join(NameSeparator, pair))), cookie);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,1024}$")]
    private static partial Regex CookieName();
}
