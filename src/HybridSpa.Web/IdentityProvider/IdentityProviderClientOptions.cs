using Microsoft.Extensions.Http.Resilience;

namespace HybridSpa.Web.IdentityProvider;

/// <summary>The <c>IdentityProvider</c> section: how long the app waits for its identity provider, and when it stops asking.</summary>
public sealed class IdentityProviderClientOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "IdentityProvider";

    /// <summary>The backchannel timeout: the longest one call (metadata, keys, token request) may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// When calls fail (refused, timed out, 5xx) for half of at least five calls in 30 s, stop calling for 15 s: users get the
    /// 503 page at once instead of each waiting for a timeout, and one call after the break finds out whether it answers again.
    /// </summary>
    public HttpCircuitBreakerStrategyOptions CircuitBreaker { get; set; } = new()
    {
        FailureRatio = 0.5,
        MinimumThroughput = 5,
        SamplingDuration = TimeSpan.FromSeconds(30),
        BreakDuration = TimeSpan.FromSeconds(15),
    };
}
