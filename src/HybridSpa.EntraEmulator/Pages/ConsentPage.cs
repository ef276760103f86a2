using System.Text;
using System.Text.Encodings.Web;

namespace HybridSpa.EntraEmulator.Pages;

/// <summary>"Permissions requested": the scopes the app asks for, with Accept and Cancel.</summary>
internal static class ConsentPage
{
    public static Task WriteAsync(HttpContext context, string tenant, AppRegistration app, TestUser user, IEnumerable<string> scopes, string flowToken)
    {
        var html = HtmlEncoder.Default;
        var action = $"/{html.Encode(tenant)}/login";
        var body = new StringBuilder()
            .Append($"<div class=\"tenant\">{html.Encode(user.UserPrincipalName)}</div><h1>Permissions requested</h1>")
            .Append($"<p>{html.Encode(app.DisplayName)} would like to:</p><ul>");
        foreach (var scope in scopes)
        {
            body.Append($"<li><code>{html.Encode(scope)}</code></li>");
        }

        body.Append("</ul><div class=\"actions\">");
        foreach (var (value, label, css) in new[] { ("consent", "Accept", ""), ("deny", "Cancel", " class=\"secondary\"") })
        {
            body.Append($"<form method=\"post\" action=\"{action}\">")
                .Append(FlowTokenField.Render(flowToken))
                .Append($"<input type=\"hidden\" name=\"action\" value=\"{value}\"><button{css} type=\"submit\">{label}</button></form>");
        }

        body.Append("</div>");
        return HtmlPageWriter.WriteAsync(context, StatusCodes.Status200OK, HtmlPageWriter.NewNonce(), "Permissions requested", body.ToString());
    }
}
