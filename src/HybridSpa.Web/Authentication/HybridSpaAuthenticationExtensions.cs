using HybridSpa.Web.Authentication.EntraSignIn;
using HybridSpa.Web.Configuration;
using HybridSpa.Web.HandOff;
using HybridSpa.Web.SharedState;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace HybridSpa.Web.Authentication;

/// <summary>Registers and orders the app's authentication: cookie + Entra sign-in + the session that carries the SPA code.</summary>
public static class HybridSpaAuthenticationExtensions
{
    /// <summary>Cookie of the signed-in user.</summary>
    public const string CookieName = "__Host-HybridSpa.Auth";

    /// <summary>Session cookie (carries the SPA-code hand-off from the callback to the page).</summary>
    public const string SessionCookieName = "__Host-HybridSpa.Session";

    // The error pages (also the 503 page) and the health endpoint must answer while the shared store is down. The session
    // middleware needs the store's key ring before anything else runs (it protects every new session id), so it skips them.
    private static readonly PathString[] SessionlessPaths = ["/error", SharedStateExtensions.HealthPath];

    /// <summary>Adds session, the cookie scheme and the Entra sign-in scheme bound to the <c>AzureAd</c> section.</summary>
    public static WebApplicationBuilder AddHybridSpaAuthentication(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        // The callback is a cross-site POST, so the browser withholds this Lax cookie there: the callback then starts
        // a fresh session whose cookie replaces the old one, and the following top-level GET sends it.
        services.AddSession(options =>
        {
            options.Cookie.Name = SessionCookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.Path = "/";
            options.Cookie.IsEssential = true;
            options.IdleTimeout = TimeSpan.FromMinutes(30);
        });
        services.AddSingleton<SpaCodeStore>();
        services.AddScoped<HybridSpaSignInEvents>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = EntraSignInDefaults.AuthenticationScheme;
            })
            .AddCookie(options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.Path = "/";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.AccessDeniedPath = "/account/access-denied";
            })
            .AddEntraSignIn(EntraSignInDefaults.AuthenticationScheme, _ => { });

        services.AddOptions<EntraSignInOptions>(EntraSignInDefaults.AuthenticationScheme)
            .Configure<IOptions<AzureAdOptions>, IOptions<GraphApiOptions>, IOptions<SpaOptions>>((options, azureAd, graph, spa) =>
            {
                var ad = azureAd.Value;
                options.Authority = $"{ad.Instance.TrimEnd('/')}/{ad.TenantId}/v2.0";
                options.ClientId = ad.ClientId ?? string.Empty;
                options.RequireHttpsMetadata = ad.RequireHttpsMetadata;
                options.CallbackPath = ad.CallbackPath;
                options.SignedOutCallbackPath = ad.SignedOutCallbackPath;
                options.RedirectUri = PublicUris.WebRedirectUri(spa.Value, ad);
                options.PostLogoutRedirectUri = PublicUris.PostLogoutRedirectUri(spa.Value, ad);
                options.RequestSpaCode = ad.WithSpaAuthCode;
                options.AccessDeniedPath = "/account/access-denied";
                options.SignedOutRedirectUri = "/account/signed-out";
                options.EventsType = typeof(HybridSpaSignInEvents);
                foreach (var scope in graph.Value.Scopes)
                {
                    options.Scope.Add(scope);
                }
            });
        return builder;
    }

    /// <summary>
    /// Session, then authentication, then authorization — in that order, because the sign-in callback (handled by the
    /// authentication middleware) writes the SPA code hand-off into the session. Error pages and health run without session.
    /// </summary>
    public static WebApplication UseHybridSpaAuthentication(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(context => !SessionlessPaths.Any(path => context.Request.Path.StartsWithSegments(path)), branch => branch.UseSession());
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
