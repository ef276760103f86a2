using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using HybridSpa.EndToEnd.Tests.Harness;
using HybridSpa.EntraEmulator;
using HybridSpa.Web.SpaHost;

namespace HybridSpa.Benchmarks.Harness;

/// <summary>
/// A user agent without a browser, for server-side measurements: one cookie jar across the app and the emulator; it follows
/// the app's challenge, picks the user on the emulator's sign-in page and delivers the form_post to /signin-oidc.
/// </summary>
internal sealed partial class HttpSignIn : IDisposable
{
    private readonly Uri appOrigin;

    public HttpSignIn(HybridSpaDeployment stack, int maxConnections = 2)
        : this(stack.AppOrigin, TestCertificate.Instance, maxConnections)
    {
    }

    /// <summary>A user agent for the app at <paramref name="appOrigin"/> that trusts exactly <paramref name="certificate"/>.</summary>
    public HttpSignIn(Uri appOrigin, X509Certificate2 certificate, int maxConnections = 2)
    {
        this.appOrigin = appOrigin;
        var handler = EntraEmulatorConnectivity.CreateHandler(certificate);
        handler.CookieContainer = Cookies;
        handler.UseCookies = true;
        handler.AllowAutoRedirect = false;
        handler.MaxConnectionsPerServer = maxConnections;
        Client = new HttpClient(handler) { BaseAddress = appOrigin };
    }

    /// <summary>The app's and the emulator's cookies.</summary>
    public CookieContainer Cookies { get; } = new();

    /// <summary>The client, addressed at the app, that carries the cookies (redirects are not followed).</summary>
    public HttpClient Client { get; }

    /// <summary>Signs <paramref name="userObjectId"/> in; returns when the app's callback has redirected to <c>/</c>.</summary>
    public async Task SignInAsync(string userObjectId)
    {
        using var challenge = await Client.GetAsync(new Uri("/", UriKind.Relative)).ConfigureAwait(false);
        var page = await FollowToPageAsync(Location(challenge)).ConfigureAwait(false);
        if (SignInForm().Match(page.Html) is { Success: true } form)
        {
            using var login = await Client.PostAsync(new Uri(page.Url, WebUtility.HtmlDecode(form.Groups["action"].Value)), new FormUrlEncodedContent(
            [
                new("flowToken", WebUtility.HtmlDecode(form.Groups["flowToken"].Value)), new("action", "signin"), new("user", userObjectId),
            ])).ConfigureAwait(false);
            page = login.StatusCode == HttpStatusCode.OK ? (page.Url, await login.Content.ReadAsStringAsync().ConfigureAwait(false)) : await FollowToPageAsync(Location(login)).ConfigureAwait(false);
        }

        var formPost = FormPost().Match(page.Html);
        if (!formPost.Success)
        {
            throw new InvalidOperationException("The emulator did not answer with a form_post page: " + page.Html[..Math.Min(400, page.Html.Length)]);
        }

        var fields = HiddenField().Matches(formPost.Groups["fields"].Value)
            .Select(f => new KeyValuePair<string, string>(WebUtility.HtmlDecode(f.Groups["name"].Value), WebUtility.HtmlDecode(f.Groups["value"].Value)));
        using var callback = await Client.PostAsync(new Uri(WebUtility.HtmlDecode(formPost.Groups["action"].Value)), new FormUrlEncodedContent(fields)).ConfigureAwait(false);
        if (callback.StatusCode != HttpStatusCode.Redirect || callback.Headers.Location?.OriginalString != "/")
        {
            throw new InvalidOperationException($"The app's callback answered {(int)callback.StatusCode} {callback.Headers.Location}.");
        }
    }

    /// <summary>GETs the SPA host page and returns its bootstrap (taking the SPA code, once).</summary>
    public async Task<BootstrapModel> HostPageBootstrapAsync()
    {
        var html = await Client.GetStringAsync(new Uri("/", UriKind.Relative)).ConfigureAwait(false);
        var json = BootstrapElement().Match(html);
        return json.Success
            ? BootstrapSerializer.Deserialize(json.Groups["json"].Value) ?? throw new InvalidOperationException("Empty bootstrap.")
            : throw new InvalidOperationException("The host page has no bootstrap element.");
    }

    public void Dispose() => Client.Dispose();

    private async Task<(Uri Url, string Html)> FollowToPageAsync(Uri url)
    {
        for (var hop = 0; hop < 5; hop++)
        {
            using var response = await Client.GetAsync(url).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found)
            {
                return (url, await response.Content.ReadAsStringAsync().ConfigureAwait(false));
            }

            url = new Uri(url, response.Headers.Location!);
        }

        throw new InvalidOperationException($"Too many redirects from {url.GetLeftPart(UriPartial.Authority)}.");
    }

    private Uri Location(HttpResponseMessage response) =>
        response.Headers.Location is { } location
            ? new Uri(appOrigin, location)
            : throw new InvalidOperationException($"Expected a redirect, got {(int)response.StatusCode}.");

    [GeneratedRegex("<form class=\"account\" method=\"post\" action=\"(?<action>[^\"]+)\"><input type=\"hidden\" name=\"flowToken\" value=\"(?<flowToken>[^\"]+)\">")]
    private static partial Regex SignInForm();

    [GeneratedRegex("<form method=\"post\" name=\"hiddenform\" action=\"(?<action>[^\"]+)\">(?<fields>.*?)<noscript>", RegexOptions.Singleline)]
    private static partial Regex FormPost();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenField();

    [GeneratedRegex("<script type=\"application/json\" id=\"hybridspa-bootstrap\">(?<json>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex BootstrapElement();
}
