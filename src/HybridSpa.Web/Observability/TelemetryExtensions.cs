using HybridSpa.Web.Configuration;
using HybridSpa.Web.HandOff;
using HybridSpa.Web.Http;
using HybridSpa.Web.SignIn;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web.TokenCacheProviders.Distributed;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace HybridSpa.Web.Observability;

/// <summary>
/// OpenTelemetry for the whole app, in one place (the shape of eShop's service defaults): traces, metrics and logs through
/// one pipeline, exported by the standard <c>OTEL_*</c> variables (OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set;
/// <c>OTEL_SDK_DISABLED=true</c> turns it all off), and a Prometheus scrape endpoint when <c>Telemetry:Prometheus</c> enables it.
/// </summary>
public static class TelemetryExtensions
{
    private const string SuppressAspNetCoreActivityTags = "Microsoft.AspNetCore.Hosting.SuppressActivityOpenTelemetryData";

    /// <summary>ASP.NET Core's own request activities, completed by <see cref="RequestSpanCompletion"/>.</summary>
    private const string AspNetCoreSource = "Microsoft.AspNetCore";

    /// <summary>Meters read besides the app's own: ASP.NET Core, HttpClient, the runtime, Polly (Graph's pipeline), MSAL.NET's token cache.</summary>
    private static readonly string[] Meters =
    [
        HybridSpaDiagnostics.Name,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Diagnostics",
        "System.Net.Http",
        "System.Runtime",
        "Polly",
        "MicrosoftIdentityClient_Common_Meter",
    ];

    /// <summary>
    /// Adds OpenTelemetry and the app's instruments. Call it after the other <c>AddHybridSpa…</c> registrations: it wraps the
    /// sign-in's events, the ticket store and the HttpClients they register.
    /// </summary>
    public static WebApplicationBuilder AddHybridSpaTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        var prometheus = configuration.GetSection(PrometheusEndpointOptions.SectionName).Get<PrometheusEndpointOptions>() ?? new PrometheusEndpointOptions();
        services.AddOptions<PrometheusEndpointOptions>().BindConfiguration(PrometheusEndpointOptions.SectionName);
        services.AddSingleton<PrometheusScrapers>();

        var tracesPerSecond = configuration.GetValue<double?>(SignInFirstSampler.PerSecondSetting) ?? SignInFirstSampler.DefaultPerSecond;
        if (tracesPerSecond is < 0 or double.NaN or double.PositiveInfinity)
        {
            throw new InvalidOperationException($"{SignInFirstSampler.PerSecondSetting} must be a number from 0 up (how many traces a second requests other than the sign-in callbacks may start on this instance).");
        }

        // ASP.NET Core 10 tags its request activity as it creates it (method, url.path, url.scheme, server.*) only with this
        // switch off, the default from ASP.NET Core 11 on: the request span is that activity, SignInFirstSampler reads url.path
        // there, and RequestSpanCompletion adds route and status. On while telemetry is off: logging alone makes hosting start
        // the activity, and nothing would read the tags.
        AppContext.SetSwitch(SuppressAspNetCoreActivityTags, configuration.GetValue<bool>("OTEL_SDK_DISABLED"));

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? HybridSpaDiagnostics.Name))
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(HybridSpaDiagnostics.Name, AspNetCoreSource)
                    .AddHttpClientInstrumentation();
                if (string.IsNullOrWhiteSpace(configuration["OTEL_TRACES_SAMPLER"]))
                {
                    tracing.SetSampler(provider => SignInFirstSampler.ForRequests(
                        tracesPerSecond, provider.GetRequiredService<SignInSettings>(), provider.GetRequiredService<TimeProvider>()));
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Meters);
                if (prometheus.Enabled)
                {
                    metrics.AddPrometheusExporter();
                }
            });

        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // Batched and bounded (OTEL_BSP_*, OTEL_BLRP_*): no request waits on an export, and a dead collector costs dropped telemetry only.
            telemetry.UseOtlpExporter();
        }

        services.AddSingleton<HybridSpaMetrics>();
        services.AddSingleton<IHandOffTelemetry, HandOffTelemetry>();
        services.AddSingleton<IPostConfigureOptions<OpenIdConnectOptions>, SignInTelemetryEvents>();
        services.AddOptions<MsalDistributedTokenCacheAdapterOptions>().PostConfigure<HybridSpaMetrics>((options, metrics) =>
        {
            var onFailure = options.OnL2CacheFailure;
            options.OnL2CacheFailure = exception =>
            {
                metrics.TokenCacheFailure();
                return onFailure?.Invoke(exception) ?? false;
            };
        });
        services.AddOptions<CookieAuthenticationOptions>(SignInSchemes.Cookie).PostConfigure<HybridSpaMetrics>((options, metrics) =>
        {
            if (options.SessionStore is { } store)
            {
                options.SessionStore = new TracedTicketStore(store, metrics);
            }
        });

        services.AddHttpClient(HttpClientNames.IdentityProvider).AddHttpMessageHandler(provider =>
        {
            var metrics = provider.GetRequiredService<HybridSpaMetrics>();
            return new DependencyCallTimer((duration, request, outcome) =>
                metrics.IdentityProviderCall(duration, DependencyCallTimer.IdentityProviderEndpoint(request), outcome));
        });
        services.AddHttpClient(HttpClientNames.Graph).AddHttpMessageHandler(provider =>
        {
            var metrics = provider.GetRequiredService<HybridSpaMetrics>();
            return new DependencyCallTimer((duration, _, outcome) => metrics.GraphCall(duration, outcome));
        });
        return builder;
    }

    /// <summary>Completes each request's span (<see cref="RequestSpanCompletion"/>); first in the pipeline, so that it sees the status sent.</summary>
    public static IApplicationBuilder UseHybridSpaTelemetry(this IApplicationBuilder app) => app.UseMiddleware<RequestSpanCompletion>();

    /// <summary>Maps the Prometheus scrape endpoint when it is enabled, answered only to <see cref="PrometheusScrapers"/>.</summary>
    public static WebApplication MapHybridSpaTelemetry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var prometheus = app.Services.GetRequiredService<IOptions<PrometheusEndpointOptions>>().Value;
        if (prometheus.Enabled)
        {
            var scrapers = app.Services.GetRequiredService<PrometheusScrapers>();
            app.MapPrometheusScrapingEndpoint(prometheus.Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(scrapers.Guard), optionsName: null)
                .AllowAnonymous();
        }

        return app;
    }
}
