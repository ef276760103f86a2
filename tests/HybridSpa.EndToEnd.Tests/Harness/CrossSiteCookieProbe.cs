using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HybridSpa.EndToEnd.Tests.Harness;

/// <summary>
/// A tiny HTTPS site on loopback that serves a page on https://localhost embedding a frame from
/// https://login.dev.localhost — the same two-site arrangement as the app and the emulator —
/// so tests can observe whether the browser sends the frame's cookie.
/// </summary>
public sealed class CrossSiteCookieProbe : IAsyncDisposable
{
    private readonly WebApplication app;

    private CrossSiteCookieProbe(WebApplication app, int port)
    {
        this.app = app;
        TopLevelPage = new Uri($"https://localhost:{port}/top");
    }

    /// <summary>The first-party page; its frame reports "cookie:present" or "cookie:absent".</summary>
    public Uri TopLevelPage { get; }

    /// <summary>Starts the site on a free port.</summary>
    public static async Task<CrossSiteCookieProbe> StartAsync(X509Certificate2 certificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        app.MapGet("/top", (HttpContext context) =>
            Results.Content($"<!doctype html><iframe src=\"https://login.dev.localhost:{context.Connection.LocalPort}/frame\"></iframe>", "text/html"));
        app.MapGet("/frame", (HttpContext context) =>
        {
            var present = context.Request.Cookies.ContainsKey("probe");
            context.Response.Cookies.Append("probe", "1", new CookieOptions { Secure = true, SameSite = SameSiteMode.None, HttpOnly = true });
            return Results.Content($"<!doctype html><p id=state>cookie:{(present ? "present" : "absent")}</p>", "text/html");
        });
        await app.StartAsync();
        var port = new Uri(app.Urls.Single()).Port;
        return new CrossSiteCookieProbe(app, port);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
