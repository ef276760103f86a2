namespace HybridSpa.EntraEmulator.Pages;

/// <summary>The generic "You signed out of your account" page shown when no valid post_logout_redirect_uri was given.</summary>
internal static class SignedOutPage
{
    public static Task WriteAsync(HttpContext context) =>
        HtmlPageWriter.WriteAsync(context, StatusCodes.Status200OK, HtmlPageWriter.NewNonce(), "Sign out",
            "<h1>You signed out of your account</h1><p>It's a good idea to close all browser windows.</p>");
}
