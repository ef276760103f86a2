using System.Text;
using System.Text.Encodings.Web;

namespace HybridSpa.EntraEmulator.Pages;

/// <summary>The sign-in page: every test user as a button (with a password box, and the password to type, when the user has one).</summary>
internal static class SignInPage
{
    public static Task WriteAsync(HttpContext context, string tenant, string tenantName, string appName, IReadOnlyList<TestUser> users, string flowToken, string? message)
    {
        var html = HtmlEncoder.Default;
        var body = new StringBuilder();
        body.Append($"<div class=\"tenant\">{html.Encode(tenantName)}</div><h1>Sign in</h1><p>to continue to {html.Encode(appName)}</p>");
        if (message is not null)
        {
            body.Append($"<p class=\"error\" role=\"alert\">{html.Encode(message)}</p>");
        }

        foreach (var (user, index) in users.Select((user, index) => (user, index)))
        {
            body.Append($"<form class=\"account\" method=\"post\" action=\"/{html.Encode(tenant)}/login\">")
                .Append(FlowTokenField.Render(flowToken))
                .Append("<input type=\"hidden\" name=\"action\" value=\"signin\">")
                .Append($"<input type=\"hidden\" name=\"user\" value=\"{html.Encode(user.ObjectId)}\">")
                .Append($"<div class=\"account-name\">{html.Encode(user.DisplayName)}</div><div class=\"account-upn\">{html.Encode(user.UserPrincipalName)}</div>");
            if (user.Password is not null)
            {
                // A development tool: the page says the test user's password, so nobody has to look it up in the configuration.
                var hint = $"password-hint-{index}";
                body.Append($"<p class=\"password-hint\" id=\"{hint}\">Test user: the password is <code>{html.Encode(user.Password)}</code></p>")
                    .Append($"<input type=\"password\" name=\"password\" autocomplete=\"current-password\" aria-label=\"Password for {html.Encode(user.UserPrincipalName)}\" aria-describedby=\"{hint}\" placeholder=\"Password\">");
            }

            body.Append($"<button type=\"submit\">Sign in as {html.Encode(user.DisplayName)}</button></form>");
        }

        return HtmlPageWriter.WriteAsync(context, StatusCodes.Status200OK, HtmlPageWriter.NewNonce(), "Sign in to your account", body.ToString());
    }
}
