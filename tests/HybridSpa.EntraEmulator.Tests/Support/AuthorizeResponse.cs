using System.Net;
using System.Text.RegularExpressions;

namespace HybridSpa.EntraEmulator.Tests.Support;

/// <summary>What /authorize sent back to the redirect URI, however it was delivered (query, fragment or form_post).</summary>
public sealed partial record AuthorizeResponse(string Mode, string Target, IReadOnlyDictionary<string, string> Parameters)
{
    public string this[string name] => Parameters[name];

    public string? Get(string name) => Parameters.TryGetValue(name, out var value) ? value : null;

    public static async Task<AuthorizeResponse?> TryReadAsync(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location)
        {
            var text = location.OriginalString;
            var hash = text.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                return new AuthorizeResponse("fragment", text[..hash], ParseQuery(text[(hash + 1)..]));
            }

            var question = text.IndexOf('?', StringComparison.Ordinal);
            return new AuthorizeResponse("query", question < 0 ? text : text[..question], question < 0 ? new Dictionary<string, string>() : ParseQuery(text[(question + 1)..]));
        }

        var html = await response.Content.ReadAsStringAsync();
        var form = FormPostPattern().Match(html);
        if (response.StatusCode != HttpStatusCode.OK || !form.Success)
        {
            return null;
        }

        var fields = HiddenInputPattern().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        return new AuthorizeResponse("form_post", WebUtility.HtmlDecode(form.Groups["action"].Value), fields);
    }

    public static Dictionary<string, string> ParseQuery(string query) =>
        query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "");

    [GeneratedRegex("<form method=\"post\" name=\"hiddenform\" action=\"(?<action>[^\"]*)\">")]
    private static partial Regex FormPostPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\">")]
    internal static partial Regex HiddenInputPattern();
}
