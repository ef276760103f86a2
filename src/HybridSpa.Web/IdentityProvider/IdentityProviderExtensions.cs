using HybridSpa.Web.Http;
using Polly;
using Microsoft.Extensions.Options;

namespace HybridSpa.Web.IdentityProvider;

/// <summary>Registers how the app copes with its identity provider not answering.</summary>
public static class IdentityProviderExtensions
{
    /// <summary>
    /// Adds the <c>IdentityProvider</c> options, the resilience pipeline on the identity provider's HttpClient (a circuit breaker
    /// around a per-call timeout, so timeouts count as failures) and the health check that reports its metadata.
    /// </summary>
    public static WebApplicationBuilder AddIdentityProviderResilience(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<IdentityProviderClientOptions>().BindConfiguration(IdentityProviderClientOptions.SectionName);

        // No retry: a token request redeems a single-use code, and a user waiting on a dead IdP is better served by the 503 page.
        services.AddHttpClient(HttpClientNames.IdentityProvider)
            .AddResilienceHandler("identity-provider", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<IdentityProviderClientOptions>>().Value;
                pipeline.AddCircuitBreaker(options.CircuitBreaker).AddTimeout(options.Timeout);
            });

        services.AddHealthChecks().AddCheck<IdentityProviderHealthCheck>(IdentityProviderHealthCheck.CheckName);
        services.AddSingleton<IdentityProviderHealthCheck>();
        return builder;
    }
}
