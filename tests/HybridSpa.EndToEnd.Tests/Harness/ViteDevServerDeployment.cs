using System.Net;
using System.Net.Sockets;
using HybridSpa.Web.SpaHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HybridSpa.EndToEnd.Tests.Harness;

/// <summary>
/// The deployment with <c>Spa:DevServerUrl</c> set, as appsettings.Development.json sets it, and — when
/// <see cref="Answering"/> — a stand-in for Vite's dev server there: https with the test certificate, serving the three
/// modules the host page asks it for, each marking that it ran. Not answering: nothing listens on that port.
/// </summary>
public class ViteDevServerDeployment : HybridSpaDeployment, IAsyncLifetime
{
    private readonly int port = FreePort();
    private WebApplication? devServer;

    /// <summary>Points the app at the dev server's origin.</summary>
    public ViteDevServerDeployment() =>
        AppSettings = new Dictionary<string, string?> { [ViteDevServer.UrlKey] = DevServerOrigin.AbsoluteUri };

    /// <summary>Whether the stand-in dev server runs.</summary>
    protected virtual bool Answering => true;

    /// <summary>The dev server's origin, https://localhost:{port}/.</summary>
    public Uri DevServerOrigin => new($"https://localhost:{port}/");

    async Task IAsyncLifetime.InitializeAsync()
    {
        if (Answering)
        {
            devServer = StartStandIn(port);
            await devServer.StartAsync();
        }

        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (devServer is not null)
        {
            await devServer.DisposeAsync();
        }
    }

    private static WebApplication StartStandIn(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(TestCertificate.Instance)));
        var app = builder.Build();
        Module(app, "/app/@react-refresh", "export default { injectIntoGlobalHook() { window.__devServerRan = ['@react-refresh']; } };");
        Module(app, "/app/@vite/client", "(window.__devServerRan ??= []).push('@vite/client');");
        Module(app, "/app/src/main.tsx", "(window.__devServerRan ??= []).push('src/main.tsx'); document.getElementById('root').textContent = 'Served by the dev server';");
        return app;
    }

    private static void Module(WebApplication app, string path, string javaScript) =>
        app.MapGet(path, (HttpContext context) =>
        {
            // Module scripts from another origin are CORS requests; Vite's dev server allows localhost origins the same way.
            context.Response.Headers.AccessControlAllowOrigin = "*";
            return Results.Text(javaScript, "text/javascript");
        });

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The same configuration with nothing listening at the dev server's origin (npm run dev not running).</summary>
public sealed class SilentViteDevServerDeployment : ViteDevServerDeployment
{
    /// <inheritdoc />
    protected override bool Answering => false;
}
