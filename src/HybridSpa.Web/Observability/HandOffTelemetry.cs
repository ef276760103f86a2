using System.Diagnostics;
using HybridSpa.Web.HandOff;

namespace HybridSpa.Web.Observability;

/// <summary>The hand-off's spans on the app's <see cref="ActivitySource"/> and its outcomes on <c>hybridspa.hand_offs</c>.</summary>
public sealed class HandOffTelemetry(HybridSpaMetrics metrics) : IHandOffTelemetry
{
    /// <inheritdoc/>
    public Activity? StartStep(string name) => HybridSpaDiagnostics.ActivitySource.StartActivity(name);

    /// <inheritdoc/>
    public void Count(string outcome) => metrics.HandOff(outcome);
}
