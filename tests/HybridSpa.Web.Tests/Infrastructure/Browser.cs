using System.Net.Http.Json;
using HybridSpa.Web.Account;
using HybridSpa.Web.SpaHost;
using Microsoft.Net.Http.Headers;

namespace HybridSpa.Web.Tests.Infrastructure;

/// <summary>
/// A minimal browser: a cookie jar that honours Path, Secure and SameSite (a cross-site POST, like the IdP's
/// form_post, carries only SameSite=None cookies), and remembers the cookies each response set.
/// </summary>
public sealed class Browser(HttpClient client, Dictionary<string, SetCookieHeaderValue> jar) : IDisposable
{
    private readonly Dictionary<string, SetCookieHeaderValue> _jar = jar;

    public Browser(HttpClient client)
        : this(client, new Dictionary<string, SetCookieHeaderValue>(StringComparer.Ordinal))
    {
    }

    /// <summary>
    /// The same user agent (the same cookie jar) reaching the same origin through <paramref name="other"/>: another app
    /// instance behind a load balancer. Cookies set through either browser are sent through both.
    /// </summary>
    public Browser Via(HttpClient other) => new(other, _jar);

    public IReadOnlyList<SetCookieHeaderValue> LastSetCookies { get; private set; } = [];

    public IReadOnlyDictionary<string, SetCookieHeaderValue> Cookies => _jar;

    public Task<HttpResponseMessage> GetAsync(string url) => SendAsync(new HttpRequestMessage(HttpMethod.Get, url), crossSite: false);

    public Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> form, bool crossSite = false) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) }, crossSite);

    /// <summary>What the identity provider's auto-submitted form does: a cross-site top-level POST.</summary>
    public Task<HttpResponseMessage> PostFromIdpAsync(string url, IEnumerable<KeyValuePair<string, string>> form) => PostFormAsync(url, form, crossSite: true);

    /// <summary>What the SPA's sign-out does: asks for the antiforgery token, then posts the sign-out form with it.</summary>
    public async Task<HttpResponseMessage> SignOutAsync(SignOutBootstrap signOut)
    {
        ArgumentNullException.ThrowIfNull(signOut);
        var tokenResponse = await GetAsync(signOut.AntiforgeryUrl);
        tokenResponse.EnsureSuccessStatusCode();
        var antiforgery = await tokenResponse.Content.ReadFromJsonAsync<SignOutAntiforgery>()
            ?? throw new InvalidOperationException($"{signOut.AntiforgeryUrl} answered no JSON.");
        return await PostFormAsync(signOut.Url, [new(antiforgery.Field, antiforgery.Token)]);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, bool crossSite)
    {
        var uri = new Uri(client.BaseAddress!, request.RequestUri!);
        var cookies = _jar.Values
            .Where(c => uri.AbsolutePath.StartsWith(c.Path.HasValue ? c.Path.Value! : "/", StringComparison.Ordinal))
            .Where(c => !crossSite || request.Method == HttpMethod.Get && c.SameSite != SameSiteMode.Strict || c.SameSite == SameSiteMode.None)
            .Select(c => $"{c.Name}={c.Value}")
            .ToList();
        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies));
        }

        var response = await client.SendAsync(request);
        var set = response.Headers.TryGetValues("Set-Cookie", out var values) ? SetCookieHeaderValue.ParseList(values.ToList()) : [];
        foreach (var cookie in set)
        {
            var name = cookie.Name.ToString();
            if (cookie.Expires is { } expires && expires < DateTimeOffset.UtcNow || cookie.MaxAge is { } maxAge && maxAge <= TimeSpan.Zero)
            {
                _jar.Remove(name);
            }
            else
            {
                _jar[name] = cookie;
            }
        }

        LastSetCookies = set.ToList();
        return response;
    }

    public void Dispose() => client.Dispose();
}
