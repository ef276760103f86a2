using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HybridSpa.Web.SharedState;

/// <summary>
/// Answers for a health check that does not answer within <see cref="Bound"/>: a load balancer's probe must not hang with a
/// dependency. Health checks' own <c>Timeout</c> only cancels, and a check that ignores its token (a client waiting in its own
/// backlog) would still hold the probe; this stops waiting.
/// </summary>
internal sealed class BoundedHealthCheck(IHealthCheck inner) : IHealthCheck
{
    /// <summary>Every check answers within this, so every health endpoint answers within a second (checks run in parallel).</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromMilliseconds(800);

    /// <summary>The <c>state</c> of a check that did not answer in time.</summary>
    public const string NotAnswering = "NotAnswering";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Bound);
        try
        {
            return await inner.CheckHealthAsync(context, timeout.Token).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(
                context.Registration.FailureStatus,
                description: null,
                exception: null,
                new Dictionary<string, object> { ["state"] = NotAnswering });
        }
    }

    /// <summary>Wraps every registered check.</summary>
    public static void BoundEvery(HealthCheckServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var registration in options.Registrations)
        {
            var factory = registration.Factory;
            registration.Factory = provider => new BoundedHealthCheck(factory(provider));
        }
    }
}
