using HybridSpa.Web.Security;

namespace HybridSpa.Web.SpaHost;

/// <summary>
/// Where this request's page loads the SPA from — the Vite dev server or the built bundle — decided once per request, so the
/// Content-Security-Policy and the page's script tags always agree.
/// </summary>
public sealed class SpaScriptSource(ViteDevServer devServer) : IDevServerOrigin
{
    private Task<Uri?>? _devServer;

    /// <summary>The Vite dev server's origin when the page loads the SPA from it, else null (the built bundle).</summary>
    public Task<Uri?> GetDevServerAsync(CancellationToken cancellationToken) =>
        _devServer ??= devServer.GetIfAnsweringAsync(cancellationToken).AsTask();
}
