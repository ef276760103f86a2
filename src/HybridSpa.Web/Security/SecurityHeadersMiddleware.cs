using HybridSpa.Web.Configuration;
using Microsoft.Extensions.Options;

namespace HybridSpa.Web.Security;

/// <summary>Adds the CSP (with the request's nonce) and the other defensive headers to every response.</summary>
public sealed class SecurityHeadersMiddleware
{
    private readonly RequestDelegate _next;
    private readonly string _connectSources;
    private readonly string _formActions;
    private readonly string _frameSources;

    /// <summary>Creates the middleware; the IdP and Graph origins come from configuration.</summary>
    public SecurityHeadersMiddleware(RequestDelegate next, SignInSettings signIn, IOptions<GraphApiOptions> graph)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(graph);
        _next = next;
        var authorityOrigin = signIn.IdentityProviderOrigin;
        var graphOrigin = new Uri(graph.Value.BaseUrl).GetLeftPart(UriPartial.Authority);
        _connectSources = string.Join(' ', new[] { "'self'", authorityOrigin, graphOrigin }.Distinct(StringComparer.OrdinalIgnoreCase));

        // The sign-out form redirects to the IdP, and browsers apply form-action to that redirect.
        _formActions = string.Join(' ', new[] { "'self'", authorityOrigin }.Distinct(StringComparer.OrdinalIgnoreCase));

        // The hybrid flow never frames anything. The classic bootstrap (no SPA code) runs ssoSilent in a hidden iframe that
        // loads the IdP's /authorize and is redirected back to this origin's silent-callback page.
        _frameSources = signIn.SpaCodeRequested ? string.Empty : $"frame-src {_formActions}; ";
    }

    /// <summary>Runs the middleware.</summary>
    public async Task InvokeAsync(HttpContext context, CspNonce nonce, IDevServerOrigin devServerOrigin)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(devServerOrigin);

        // Only while the page loads the SPA from the Vite dev server (Development, npm run dev): its HMR socket and the <style>
        // elements its client injects (carrying the nonce from <meta property="csp-nonce">). Scripts need nothing more: the
        // nonce'd tags load them, and 'strict-dynamic' trusts what they import.
        var devServer = await devServerOrigin.GetDevServerAsync(context.RequestAborted).ConfigureAwait(false);
        var devConnectSources = devServer is null ? "" : $" {devServer.GetLeftPart(UriPartial.Authority)} wss://{devServer.Authority}";
        var devStyleSources = devServer is null ? "" : $" 'nonce-{nonce.Value}'";

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy =
            $"default-src 'self'; script-src 'nonce-{nonce.Value}' 'strict-dynamic'; style-src 'self'{devStyleSources}; img-src 'self' data: blob:; " +
            $"connect-src {_connectSources}{devConnectSources}; form-action {_formActions}; {_frameSources}object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        await _next(context).ConfigureAwait(false);
    }
}
