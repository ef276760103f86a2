using System.Text;
using System.Text.Encodings.Web;

namespace HybridSpa.EntraEmulator.Pages;

/// <summary>
/// "Verify your identity": stands in for the multi-factor authentication an authentication context (<c>acrs</c>) demands.
/// A development tool, so the page shows the one-time code the user types back.
/// </summary>
internal static class StepUpPage
{
    public static Task WriteAsync(HttpContext context, string tenant, TestUser user, string authenticationContext, string oneTimeCode, string flowToken, string? message)
    {
        var html = HtmlEncoder.Default;
        var body = new StringBuilder()
            .Append($"<div class=\"tenant\">{html.Encode(user.UserPrincipalName)}</div><h1>Verify your identity</h1>")
            .Append($"<p>This resource requires additional verification (authentication context <code>{html.Encode(authenticationContext)}</code>).</p>");
        if (message is not null)
        {
            body.Append($"<p class=\"error\" role=\"alert\">{html.Encode(message)}</p>");
        }

        body.Append($"<form class=\"account\" method=\"post\" action=\"/{html.Encode(tenant)}/login\">")
            .Append(FlowTokenField.Render(flowToken))
            .Append("<input type=\"hidden\" name=\"action\" value=\"stepup\">")
            .Append($"<input type=\"hidden\" name=\"user\" value=\"{html.Encode(user.ObjectId)}\">")
            .Append($"<p class=\"password-hint\" id=\"code-hint\">Test tenant: your one-time code is <code>{html.Encode(oneTimeCode)}</code></p>")
            .Append("<label for=\"code\">Code</label> ")
            .Append("<input id=\"code\" name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\" aria-describedby=\"code-hint\" maxlength=\"6\" required>")
            .Append("<div class=\"actions\"><button type=\"submit\">Verify</button></div></form>");
        return HtmlPageWriter.WriteAsync(context, StatusCodes.Status200OK, HtmlPageWriter.NewNonce(), "Verify your identity", body.ToString());
    }
}
