using System.Text.Encodings.Web;
using HybridSpa.EntraEmulator.Errors;

namespace HybridSpa.EntraEmulator.Pages;

/// <summary>Entra's own error page: shown instead of redirecting when the redirect URI cannot be trusted.</summary>
internal static class ErrorPage
{
    public static Task WriteAsync(HttpContext context, EntraErrorResponse error)
    {
        var html = HtmlEncoder.Default;
        var body = $"""
            <h1>Sorry, but we're having trouble signing you in.</h1>
            <p class="error" id="error-code">AADSTS{error.Error.Code}: {html.Encode(error.Error.Message)}</p>
            <dl>
            <dt>Request Id</dt><dd>{html.Encode(error.TraceId)}</dd>
            <dt>Correlation Id</dt><dd>{html.Encode(error.CorrelationId)}</dd>
            <dt>Timestamp</dt><dd>{html.Encode(error.Timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture))}</dd>
            </dl>
            """;
        return HtmlPageWriter.WriteAsync(context, StatusCodes.Status400BadRequest, HtmlPageWriter.NewNonce(), "Sign in to your account", body);
    }
}
