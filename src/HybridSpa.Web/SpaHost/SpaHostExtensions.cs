using HybridSpa.Web.Security;

namespace HybridSpa.Web.SpaHost;

/// <summary>Registers the MVC host: controllers and views, antiforgery, the bootstrap, the bundle manifest.</summary>
public static class SpaHostExtensions
{
    /// <summary>Antiforgery cookie name.</summary>
    public const string AntiforgeryCookieName = "__Host-HybridSpa.Antiforgery";

    /// <summary>Adds what the SPA host page and the account endpoints need.</summary>
    public static WebApplicationBuilder AddSpaHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddControllersWithViews();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = AntiforgeryCookieName;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.HttpOnly = true;
            options.Cookie.Path = "/";
        });
        services.AddScoped<BootstrapModelFactory>();
        services.AddSingleton<ViteManifest>();
        services.AddSingleton<ViteDevServer>().AddScoped<SpaScriptSource>();
        services.AddScoped<IDevServerOrigin>(provider => provider.GetRequiredService<SpaScriptSource>());
        return builder;
    }
}
