using System.Text;
using HybridSpa.EntraEmulator.Pages;

namespace HybridSpa.EntraEmulator.ResponseGeneration;

/// <summary>Delivers /authorize results to the redirect URI: 302 with query or fragment, or an auto-submitting form_post page.</summary>
internal static class AuthorizeResponseWriter
{
    public static Task WriteAsync(HttpContext context, string redirectUri, string responseMode, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        if (responseMode == "form_post")
        {
            return FormPostPage.WriteAsync(context, redirectUri, parameters);
        }

        var encoded = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            encoded.Append(encoded.Length == 0 ? "" : "&").Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        string location;
        if (responseMode == "fragment")
        {
            location = redirectUri.Split('#')[0] + "#" + encoded;
        }
        else
        {
            location = redirectUri + (redirectUri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + encoded;
        }

        Errors.NoCache.Apply(context.Response);
        context.Response.Redirect(location);
        return Task.CompletedTask;
    }
}
