using System.Diagnostics;

namespace HybridSpa.Web.HandOff;

/// <summary>
/// What the hand-off reports about itself: its spans and its outcomes (<see cref="HandOffOutcome"/>). Declared here and
/// implemented by the app's telemetry, so the hand-off does not depend on how it is exported.
/// </summary>
public interface IHandOffTelemetry
{
    /// <summary>Starts the span of one hand-off step; null while no tracer listens.</summary>
    Activity? StartStep(string name);

    /// <summary>Counts one hand-off event.</summary>
    void Count(string outcome);
}
