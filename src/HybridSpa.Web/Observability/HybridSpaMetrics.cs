using System.Diagnostics.Metrics;
using HybridSpa.Web.HandOff;
using HybridSpa.Web.IdentityProvider;

namespace HybridSpa.Web.Observability;

/// <summary>
/// The app's own instruments (meter <see cref="HybridSpaDiagnostics.Name"/>); docs/operations.md says what each means and
/// which alert to set on it. Tag values are fixed words, status codes and error codes: nothing that names a user or holds a secret.
/// </summary>
public sealed class HybridSpaMetrics
{
    private readonly Counter<long> _signIns;
    private readonly Counter<long> _handOffs;
    private readonly Histogram<double> _identityProviderDuration;
    private readonly Histogram<double> _graphDuration;
    private readonly Counter<long> _ticketStoreOperations;
    private readonly Counter<long> _tokenCacheFailures;

    /// <summary>Creates the instruments on a meter of <paramref name="meterFactory"/>, and the circuit-state gauge over <paramref name="identityProviderCircuit"/>.</summary>
    public HybridSpaMetrics(IMeterFactory meterFactory, IdentityProviderCircuit identityProviderCircuit)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(identityProviderCircuit);
        var meter = meterFactory.Create(HybridSpaDiagnostics.Name);
        _signIns = meter.CreateCounter<long>(
            "hybridspa.sign_in.outcomes", "{event}", "Sign-in round trips by outcome: completed (hybrid, classic, fallback), restarted, consent asked, failed.");
        _handOffs = meter.CreateCounter<long>(
            "hybridspa.hand_offs", "{hand-off}", "SPA codes handed from the callback to the page: stored, taken, expired, refused to another account.");
        _identityProviderDuration = meter.CreateHistogram(
            "hybridspa.identity_provider.duration", "s", "Calls to the identity provider (metadata, keys, token), from request to response headers.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _graphDuration = meter.CreateHistogram(
            "hybridspa.graph.duration", "s", "The server's calls to Microsoft Graph, from request to response headers.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _ticketStoreOperations = meter.CreateCounter<long>(
            "hybridspa.ticket_store.operations", "{operation}", "Authentication-ticket store operations by outcome (a failure is the shared store down).");
        _tokenCacheFailures = meter.CreateCounter<long>(
            "hybridspa.token_cache.failures", "{failure}", "MSAL.NET token-cache reads and writes the shared store failed (the user gets the 503 page).");
        meter.CreateObservableGauge(
            "hybridspa.identity_provider.circuit_state",
            () => identityProviderCircuit.IsOpen ? 1 : 0,
            "{state}",
            "The identity provider's circuit breaker: 1 while open (sign-ins get the 503 page at once), else 0.");
    }

    // Sub-millisecond in-process emulator to a 10 s timeout.
    private static readonly double[] DurationBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>One sign-in round-trip event (<see cref="SignInOutcome"/>); failures name their reason (an OAuth error or an exception type).</summary>
    public void SignIn(string outcome, string? failureReason = null)
    {
        if (failureReason is null)
        {
            _signIns.Add(1, new KeyValuePair<string, object?>("hybridspa.outcome", outcome));
        }
        else
        {
            _signIns.Add(1, new KeyValuePair<string, object?>("hybridspa.outcome", outcome), new KeyValuePair<string, object?>("error.type", failureReason));
        }
    }

    /// <summary>One hand-off event (<see cref="HandOffOutcome"/>); the hand-off counts through <see cref="IHandOffTelemetry"/>.</summary>
    internal void HandOff(string outcome) => _handOffs.Add(1, new KeyValuePair<string, object?>("hybridspa.outcome", outcome));

    /// <summary>One call to the identity provider; <paramref name="endpoint"/> is metadata, keys, token or other.</summary>
    public void IdentityProviderCall(TimeSpan duration, string endpoint, string outcome) =>
        _identityProviderDuration.Record(
            duration.TotalSeconds, new KeyValuePair<string, object?>("hybridspa.endpoint", endpoint), new KeyValuePair<string, object?>("hybridspa.outcome", outcome));

    /// <summary>One call to Graph.</summary>
    public void GraphCall(TimeSpan duration, string outcome) =>
        _graphDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("hybridspa.outcome", outcome));

    /// <summary>One ticket-store operation (store, renew, retrieve, remove) and whether the store answered.</summary>
    public void TicketStoreOperation(string operation, bool failed) =>
        _ticketStoreOperations.Add(
            1, new KeyValuePair<string, object?>("hybridspa.operation", operation), new KeyValuePair<string, object?>("hybridspa.outcome", failed ? "failure" : "success"));

    /// <summary>One token-cache operation the shared store failed.</summary>
    public void TokenCacheFailure() => _tokenCacheFailures.Add(1);
}

/// <summary>The values of <c>hybridspa.outcome</c> on <c>hybridspa.sign_in.outcomes</c>.</summary>
public static class SignInOutcome
{
    /// <summary>Signed in, a SPA code asked for (<c>AzureAd:WithSpaAuthCode</c>).</summary>
    public const string Hybrid = "hybrid";

    /// <summary>Signed in with SPA codes off by configuration: the SPA signs in again by itself.</summary>
    public const string Classic = "classic";

    /// <summary>Signed in on the second scheme, without a SPA code, after AADSTS9000512.</summary>
    public const string Fallback = "fallback";

    /// <summary>The identity provider refused a SPA code (AADSTS9000512): the callback started the fallback sign-in.</summary>
    public const string SpaCodeRefused = "spa_code_refused";

    /// <summary>A <c>prompt=none</c> round trip needed interaction: the callback started the normal sign-in with the login hint.</summary>
    public const string SilentRestart = "silent_restart";

    /// <summary>A challenge for scopes the user has not consented to yet (incremental consent).</summary>
    public const string Consent = "consent";

    /// <summary>The callback failed: the error page, or the 503 page when the store or the identity provider is down.</summary>
    public const string Failure = "failure";
}
