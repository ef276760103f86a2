using HybridSpa.Web.Configuration;
using HybridSpa.Web.Http;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace HybridSpa.Web.IdentityProvider;

/// <summary>Registers how the app copes with its identity provider not answering.</summary>
public static class IdentityProviderExtensions
{
    /// <summary>
    /// Adds the <c>IdentityProvider</c> options, the resilience pipeline on the identity provider's HttpClient (a circuit breaker
    /// around a per-call timeout, so timeouts count as failures), the 503 page instead of a sign-in while the circuit is open,
    /// and the health check that reports its metadata.
    /// </summary>
    public static WebApplicationBuilder AddIdentityProviderResilience(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<IdentityProviderClientOptions>().BindConfiguration(IdentityProviderClientOptions.SectionName);

        // Built here rather than by AddResilienceHandler's registry, which disposes its pipelines with the host: Identity.Web's
        // issuer validator keeps the first HttpClient it gets in a process-wide cache, which must keep working after that.
        services.AddSingleton<IdentityProviderCircuit>();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<IdentityProviderClientOptions>>().Value;
            var identityProvider = new Uri(provider.GetRequiredService<SignInSettings>().IdentityProviderOrigin);
            return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = provider.GetRequiredService<TimeProvider>() }
                .AddCircuitBreaker(provider.GetRequiredService<IdentityProviderCircuit>().Observe(CountingOnly(identityProvider, options.CircuitBreaker)))
                .AddTimeout(options.Timeout)
                .Build();
        });

        // No retry: a token request redeems a single-use code, and a user waiting on a dead IdP is better served by the 503 page.
        services.AddHttpClient(HttpClientNames.IdentityProvider)
            .AddHttpMessageHandler(provider => new ResilienceHandler(provider.GetRequiredService<ResiliencePipeline<HttpResponseMessage>>()));

        services.AddSingleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenCircuitSignInGuard>();

        services.AddHealthChecks().AddCheck<IdentityProviderHealthCheck>(IdentityProviderHealthCheck.CheckName, failureStatus: HealthStatus.Degraded);
        services.AddSingleton<IdentityProviderHealthCheck>();
        return builder;
    }

    /// <summary>
    /// Only the identity provider's own failures count towards opening its circuit. MSAL.NET also asks
    /// login.microsoftonline.com about an authority it does not know (instance discovery) and goes on without an answer; where
    /// the identity provider is elsewhere (the emulator, a topology without the internet), that host failing says nothing about it.
    /// </summary>
    private static HttpCircuitBreakerStrategyOptions CountingOnly(Uri identityProvider, HttpCircuitBreakerStrategyOptions options)
    {
        var shouldHandle = options.ShouldHandle;
        options.ShouldHandle = arguments => arguments.Context.GetRequestMessage()?.RequestUri is { } uri
            && Uri.Compare(uri, identityProvider, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0
                ? PredicateResult.False()
                : shouldHandle(arguments);
        return options;
    }
}
