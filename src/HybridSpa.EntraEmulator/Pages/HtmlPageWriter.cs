using System.Security.Cryptography;
using HybridSpa.EntraEmulator.Errors;

namespace HybridSpa.EntraEmulator.Pages;

/// <summary>Writes an HTML page under a strict, nonce-based Content-Security-Policy. Callers pass already-encoded markup.</summary>
internal static class HtmlPageWriter
{
    public static string NewNonce() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));

    /// <param name="formAction">
    /// Where forms on the page may post; null (the default) sets no limit. The sign-in, picker, consent and step-up pages post to
    /// /login, which may answer with a redirect to the app's redirect URI (response_mode query or fragment), and browsers apply
    /// form-action to that redirect too: 'self' there blocked a SPA's interactive sign-in. Entra's own pages set none.
    /// </param>
    /// <param name="frameSources">Origins the page may frame (front-channel logout); none by default.</param>
    public static Task WriteAsync(HttpContext context, int statusCode, string nonce, string title, string bodyHtml, string? formAction = null, IReadOnlyCollection<string>? frameSources = null)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/html; charset=utf-8";
        NoCache.Apply(response);
        response.Headers.ContentSecurityPolicy =
            $"default-src 'none'; style-src 'nonce-{nonce}'; script-src 'nonce-{nonce}'; img-src 'self' data:; {(formAction is null ? "" : $"form-action {formAction}; ")}{(frameSources is { Count: > 0 } ? $"frame-src {string.Join(' ', frameSources)}; " : "")}frame-ancestors 'none'; base-uri 'none'";
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
            :root{color-scheme:light dark}
            body{font-family:"Segoe UI",system-ui,sans-serif;background:#f2f2f2;color:#1b1b1b;margin:0}
            main{max-width:440px;margin:48px auto;background:#fff;padding:32px 40px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
            h1{font-size:24px;font-weight:600;margin:0 0 16px}
            .tenant{color:#5c5a58;font-size:13px;margin-bottom:8px;overflow-wrap:anywhere}
            form.account{border-top:1px solid #ddd;padding:12px 0}
            .actions{display:flex;flex-wrap:wrap;gap:12px;margin-top:24px}.actions form{margin:0}
            button{background:#0067b8;color:#fff;border:0;padding:8px 16px;font-size:15px;cursor:pointer;min-width:108px}
            button.secondary{background:#e1e1e1;color:#000}
            :focus-visible{outline:3px solid #0067b8;outline-offset:2px}
            .account-name{font-weight:600}.account-upn,.password-hint{color:#5c5a58;font-size:13px;overflow-wrap:anywhere}
            .password-hint{margin:8px 0 0}
            input[type=password]{width:100%;padding:6px;margin:8px 0;box-sizing:border-box}
            .error{color:#c50f1f}
            code{word-break:break-all}
            @media (max-width:520px){main{margin:0;padding:24px 16px;box-shadow:none} }
            @media (prefers-color-scheme:dark){
            body{background:#111;color:#eee}main{background:#1f1f1f;box-shadow:none}
            .tenant,.account-upn,.password-hint{color:#b8b5b2}form.account{border-color:#444}
            button{background:#4aa0e6;color:#0b0b0b}button.secondary{background:#3b3b3b;color:#fff}
            :focus-visible{outline-color:#9fd0ff}.error{color:#ff99a4}
            input[type=password]{background:#2b2b2b;color:#eee;border:1px solid #8a8a8a}
            }
            </style>
            </head>
            <body><main>{{bodyHtml}}</main></body>
            </html>
            """;
        return response.WriteAsync(html, context.RequestAborted);
    }
}
