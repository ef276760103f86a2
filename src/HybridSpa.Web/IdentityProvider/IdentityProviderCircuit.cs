using Microsoft.Extensions.Http.Resilience;
using Polly.CircuitBreaker;

namespace HybridSpa.Web.IdentityProvider;

/// <summary>
/// Whether the identity provider's circuit breaker is open right now, learnt from the breaker's own events. Polly's
/// <see cref="CircuitBreakerStateProvider"/> is not enough: it reports Open past the break until some call tries again, and
/// while sign-ins are held back no call would.
/// </summary>
public sealed class IdentityProviderCircuit(TimeProvider clock)
{
    private long _openUntilTicks;

    /// <summary>True from the moment the breaker opens until its break is over.</summary>
    public bool IsOpen => clock.GetUtcNow().UtcTicks < Interlocked.Read(ref _openUntilTicks);

    /// <summary>Chains this circuit onto <paramref name="options"/>' events (keeping any already there) and returns them.</summary>
    public HttpCircuitBreakerStrategyOptions Observe(HttpCircuitBreakerStrategyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var opened = options.OnOpened;
        options.OnOpened = arguments =>
        {
            Interlocked.Exchange(ref _openUntilTicks, (clock.GetUtcNow() + arguments.BreakDuration).UtcTicks);
            return opened?.Invoke(arguments) ?? ValueTask.CompletedTask;
        };
        var closed = options.OnClosed;
        options.OnClosed = arguments =>
        {
            Interlocked.Exchange(ref _openUntilTicks, 0);
            return closed?.Invoke(arguments) ?? ValueTask.CompletedTask;
        };
        return options;
    }
}
