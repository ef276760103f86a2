using System.Security.Cryptography;
using HybridSpa.EntraEmulator.Errors;

namespace HybridSpa.EntraEmulator.Pages;

/// <summary>Writes an HTML page under a strict, nonce-based Content-Security-Policy. Callers pass already-encoded markup.</summary>
internal static class HtmlPageWriter
{
    public static string NewNonce() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));

    /// <param name="formAction">Where forms on the page may post ('self' for the emulator's own pages); null sets no limit.</param>
    public static Task WriteAsync(HttpContext context, int statusCode, string nonce, string title, string bodyHtml, string? formAction = "'self'")
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/html; charset=utf-8";
        NoCache.Apply(response);
        response.Headers.ContentSecurityPolicy =
            $"default-src 'none'; style-src 'nonce-{nonce}'; script-src 'nonce-{nonce}'; img-src 'self' data:; {(formAction is null ? "" : $"form-action {formAction}; ")}frame-ancestors 'none'; base-uri 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{title}}</title>
            <style nonce="{{nonce}}">
            body{font-family:"Segoe UI",system-ui,sans-serif;background:#f2f2f2;margin:0}
            main{max-width:440px;margin:48px auto;background:#fff;padding:32px 40px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
            h1{font-size:24px;font-weight:600;margin:0 0 16px}
            .tenant{color:#605e5c;font-size:13px;margin-bottom:8px}
            form.account{border-top:1px solid #eee;padding:12px 0}
            button{background:#0067b8;color:#fff;border:0;padding:8px 16px;font-size:15px;cursor:pointer;min-width:108px}
            button.secondary{background:#e1e1e1;color:#000}
            .account-name{font-weight:600}.account-upn{color:#605e5c;font-size:13px}
            input[type=password]{width:100%;padding:6px;margin:8px 0;box-sizing:border-box}
            .error{color:#e81123}
            code{word-break:break-all}
            </style>
            </head>
            <body><main>{{bodyHtml}}</main></body>
            </html>
            """;
        return response.WriteAsync(html, context.RequestAborted);
    }
}
