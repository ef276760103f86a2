using System.Diagnostics;

namespace HybridSpa.Web.Observability;

/// <summary>
/// The app's own <see cref="ActivitySource"/>, for the hybrid steps no library traces (redemption with the SPA-code capture,
/// validation and hand-off, the ticket store). Its spans carry step names and outcomes only: never a code, token, cookie or UPN.
/// </summary>
public static class HybridSpaDiagnostics
{
    /// <summary>The name of the app's <see cref="ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string Name = "HybridSpa.Web";

    /// <summary>Starts the app's spans; a no-op while no tracer listens.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    /// <summary>Marks <paramref name="activity"/> failed with the exception's type only: its message may quote what it failed on.</summary>
    public static void RecordFailure(Activity? activity, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        activity?.SetTag("error.type", exception.GetType().FullName);
    }
}
