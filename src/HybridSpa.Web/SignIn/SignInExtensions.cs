using HybridSpa.Web.Configuration;
using HybridSpa.Web.HandOff;
using HybridSpa.Web.Http;
using HybridSpa.Web.Routes;
using HybridSpa.Web.SharedState;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;
using Microsoft.Identity.Web.TokenCacheProviders.Distributed;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace HybridSpa.Web.SignIn;

/// <summary>
/// Registers sign-in the way Microsoft.Identity.Web apps do — <c>AddMicrosoftIdentityWebApp</c> over the official OpenID
/// Connect handler, MSAL.NET token acquisition, an encrypted distributed token cache — plus the hybrid flow's events.
/// </summary>
public static class SignInExtensions
{
    /// <summary>Cookie of the signed-in user.</summary>
    public const string CookieName = "__Host-HybridSpa.Auth";

    /// <summary>Session cookie (carries the SPA-code hand-off from the callback to the page).</summary>
    public const string SessionCookieName = "__Host-HybridSpa.Session";

    // The error pages (also the 503 page) and the health endpoint must answer while the shared store is down. The session
    // middleware needs the store's key ring before anything else runs (it protects every new session id), and the cookie handler
    // the store itself (it holds the ticket), so both skip them (the second through SessionlessPathsCookieManager).
    private static readonly PathString[] SessionlessPaths = ["/error", SharedStateExtensions.HealthPath];

    /// <summary>Adds session, the cookie, both sign-in schemes bound to <c>AzureAd</c>, token acquisition and the token cache.</summary>
    public static WebApplicationBuilder AddHybridSpaSignIn(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var azureAd = builder.Configuration.GetSection(Constants.AzureAd);
        var graphScopes = builder.Configuration.GetSection(GraphApiOptions.SectionName).Get<GraphApiOptions>()?.Scopes ?? [];

        // Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking (a key rollover accepted in the same callback) is set in every
        // process's runtimeconfig by Directory.Build.props: IdentityModel reads it once, before code here could set it.

        // The official handler logs the authorization response (the code) at Trace and the challenge URL (state, nonce) at
        // Debug: that category never goes below Information, whatever the configuration says.
        builder.Logging.AddFilter(typeof(OpenIdConnectHandler).FullName, Microsoft.Extensions.Logging.LogLevel.Information);

        // Identity.Web hands the SPA code over in session, during the callback: the callback is a cross-site POST, so the
        // browser withholds this Lax cookie there, and the callback starts a fresh session whose cookie the next GET sends.
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

        services.AddAuthentication(SignInSchemes.OpenIdConnect)
            .AddMicrosoftIdentityWebApp(azureAd, SignInSchemes.OpenIdConnect, SignInSchemes.Cookie)
            .EnableTokenAcquisitionToCallDownstreamApi(graphScopes)
            .AddDistributedTokenCaches();
        services.AddAuthentication()
            .AddMicrosoftIdentityWebApp(azureAd, SignInSchemes.OpenIdConnectWithoutSpaCode, cookieScheme: null)
            .EnableTokenAcquisitionToCallDownstreamApi(graphScopes);
        services.Configure<MicrosoftIdentityOptions>(SignInSchemes.OpenIdConnectWithoutSpaCode, options => options.WithSpaAuthCode = false);
        services.AddOptions<MicrosoftIdentityOptions>(SignInSchemes.OpenIdConnect).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MicrosoftIdentityOptions>>(new AzureAdValidator(SignInSchemes.OpenIdConnect));
        services.AddSingleton(provider => SignInSettings.Resolve(
            provider.GetRequiredService<IOptionsMonitor<MicrosoftIdentityOptions>>().Get(SignInSchemes.OpenIdConnect),
            provider.GetRequiredService<IOptions<SpaOptions>>().Value));

        foreach (var scheme in new[] { SignInSchemes.OpenIdConnect, SignInSchemes.OpenIdConnectWithoutSpaCode })
        {
            // Registered after Identity.Web's own configuration, so these win over what it copies from the AzureAd section.
            services.AddOptions<OpenIdConnectOptions>(scheme).Configure<IHttpClientFactory>((options, httpClients) =>
            {
                options.SignInScheme = SignInSchemes.Cookie;
                options.Backchannel = httpClients.CreateClient(HttpClientNames.IdentityProvider);
                options.MapInboundClaims = false;
                options.SaveTokens = false; // the sign-in events keep the id_token alone, never an access token
                options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256];
                options.UsePkce = true;
                options.ResponseMode = OpenIdConnectResponseMode.FormPost;
                options.AccessDeniedPath = "/account/access-denied";
                options.SignedOutRedirectUri = SpaRoutes.SignedOut;
                options.SkipUnrecognizedRequests = scheme == SignInSchemes.OpenIdConnect; // the other scheme may own the state
                options.NonceCookie.SecurePolicy = CookieSecurePolicy.Always;
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.Always;
            });
        }

        services.Configure<CookieAuthenticationOptions>(SignInSchemes.Cookie, options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.Path = "/";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.AccessDeniedPath = "/account/access-denied";
        });
        services.AddOptions<SignInLifetimeOptions>().BindConfiguration(SignInLifetimeOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SignInLifetimeOptions>, SignInLifetimeOptionsValidator>());
        services.AddSingleton<ITicketStore, DistributedTicketStore>();
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, ServerSideSessionEvents>();

        services.Configure<MsalDistributedTokenCacheAdapterOptions>(options =>
        {
            options.Encrypt = true;

            // Web refresh tokens live up to 90 days of inactivity; a sliding fortnight keeps active users without hoarding.
            options.SlidingExpiration = TimeSpan.FromDays(14);

            // One token cache for every instance: an in-process copy would serve tokens another instance already replaced.
            options.DisableL1Cache = true;

            // Identity.Web would otherwise swallow the failure and sign the user in with tokens nobody else can find.
            options.OnL2CacheFailure = exception => throw new SharedStateUnavailableException("The token cache's store failed.", exception);
        });

        // Every call to the identity provider (metadata, issuer validation, MSAL's token requests) goes through one named client.
        services.AddSingleton<IMsalHttpClientFactory, MsalHttpClientFactory>();
        services.Configure<AadIssuerValidatorOptions>(options => options.HttpClientName = HttpClientNames.IdentityProvider);
        services.AddHybridSpaHttpClients();

        services.AddHybridSignInAdditions();
        services.AddSingleton<SpaHandOffStore>();
        return builder;
    }

    /// <summary>
    /// Session, then authentication, then authorization — in that order, because the sign-in callback (handled by the
    /// authentication middleware) writes the SPA code into the session. Error pages and health run without session and user.
    /// </summary>
    public static WebApplication UseHybridSpaSignIn(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<CallbackSessionRenewal>();
        app.UseWhen(context => !IsSessionless(context), branch => branch.UseSession());
        app.UseMiddleware<CallbackRequestGuard>();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>True for the error pages and health: they run without session and without the signed-in user.</summary>
    internal static bool IsSessionless(HttpContext context) => SessionlessPaths.Any(path => context.Request.Path.StartsWithSegments(path));
}
