using System.Text;
using System.Text.Encodings.Web;

namespace HybridSpa.EntraEmulator.Pages;

/// <summary><c>response_mode=form_post</c>: a page whose nonce'd script submits the response to the redirect URI.</summary>
internal static class FormPostPage
{
    public static Task WriteAsync(HttpContext context, string redirectUri, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var html = HtmlEncoder.Default;
        var nonce = HtmlPageWriter.NewNonce();
        var body = new StringBuilder($"<form method=\"post\" name=\"hiddenform\" action=\"{html.Encode(redirectUri)}\">");
        foreach (var (name, value) in parameters)
        {
            body.Append($"<input type=\"hidden\" name=\"{html.Encode(name)}\" value=\"{html.Encode(value)}\">");
        }

        body.Append("<noscript><p>Script is disabled. Click Submit to continue.</p><input type=\"submit\" value=\"Submit\"></noscript></form>")
            .Append($"<script nonce=\"{nonce}\">document.forms.hiddenform.submit();</script>");
        // No form-action limit: browsers apply it to every redirect that follows the submission, and the app may answer
        // the posted response with a redirect anywhere — back to this IdP for a prompt=none retry, say. UNCONFIRMED:
        // Entra's own form_post page sets no form-action either.
        return HtmlPageWriter.WriteAsync(context, StatusCodes.Status200OK, nonce, "Working...", body.ToString());
    }
}
