using System.Text;
using System.Text.Encodings.Web;

namespace HybridSpa.EntraEmulator.Pages;

/// <summary>"Pick an account": the accounts signed in to this browser session, plus "Use another account".</summary>
internal static class AccountPickerPage
{
    public static Task WriteAsync(HttpContext context, string tenant, string tenantName, IReadOnlyList<TestUser> accounts, string flowToken)
    {
        var html = HtmlEncoder.Default;
        var action = $"/{html.Encode(tenant)}/login";
        var body = new StringBuilder($"<div class=\"tenant\">{html.Encode(tenantName)}</div><h1>Pick an account</h1>");
        foreach (var user in accounts)
        {
            body.Append($"<form class=\"account\" method=\"post\" action=\"{action}\">")
                .Append(FlowTokenField.Render(flowToken))
                .Append("<input type=\"hidden\" name=\"action\" value=\"pick\">")
                .Append($"<input type=\"hidden\" name=\"user\" value=\"{html.Encode(user.ObjectId)}\">")
                .Append($"<div class=\"account-name\">{html.Encode(user.DisplayName)}</div><div class=\"account-upn\">{html.Encode(user.UserPrincipalName)}</div>")
                .Append($"<button type=\"submit\">Continue as {html.Encode(user.DisplayName)}</button></form>");
        }

        body.Append($"<form class=\"account\" method=\"post\" action=\"{action}\">")
            .Append(FlowTokenField.Render(flowToken))
            .Append("<input type=\"hidden\" name=\"action\" value=\"other\"><button class=\"secondary\" type=\"submit\">Use another account</button></form>");
        return HtmlPageWriter.WriteAsync(context, StatusCodes.Status200OK, HtmlPageWriter.NewNonce(), "Pick an account", body.ToString());
    }
}
