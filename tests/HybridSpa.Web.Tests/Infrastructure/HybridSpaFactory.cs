using HybridSpa.Web.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HybridSpa.Web.Tests.Infrastructure;

/// <summary>The web app with its identity provider and Graph replaced by test doubles, and a built bundle manifest.</summary>
public class HybridSpaFactory : WebApplicationFactory<Program>
{
    private readonly string _webRoot = CreateWebRoot();

    public IdentityProviderDouble Idp { get; } = new();

    public GraphDouble Graph { get; } = new();

    public Dictionary<string, string?> Settings { get; } = TestSettings.Configuration();

    public Browser CreateBrowser() => new(CreateBrowserClient());

    /// <summary>A client as <see cref="Browser"/> needs it: no redirects followed, no cookies of its own, on the app's origin.</summary>
    public HttpClient CreateBrowserClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = false,
        BaseAddress = new Uri(TestSettings.Origin),
    });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting(WebHostDefaults.WebRootKey, _webRoot);

        // Only the test web root's manifest: the real build's bundle (reached through the static web assets manifest) stays out.
        builder.UseSetting(WebHostDefaults.StaticWebAssetsKey, Path.Combine(_webRoot, "no-static-web-assets.json"));
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(Settings));

        // App configuration from the factory reaches Program only when the app is built (dotnet/aspnetcore#37680); host
        // settings are passed to it as command-line arguments, so what Program reads while registering services (the
        // Cache:Provider that picks the shared-state stores) sees the test's settings too.
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddHttpClient(HttpClientNames.IdentityProvider).ConfigurePrimaryHttpMessageHandler(() => Idp);
            services.AddHttpClient(HttpClientNames.Graph).ConfigurePrimaryHttpMessageHandler(() => Graph);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_webRoot))
        {
            Directory.Delete(_webRoot, recursive: true);
        }
    }

    private static string CreateWebRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "hybridspa-webroot-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "app", ".vite"));
        File.WriteAllText(
            Path.Combine(root, "app", ".vite", "manifest.json"),
            """{"src/main.tsx":{"file":"assets/main-abc123.js","src":"src/main.tsx","isEntry":true,"css":["assets/main-def456.css"]}}""");
        return root;
    }
}
