using System.Diagnostics;
using HybridSpa.Web.SharedState;
using OpenTelemetry;

namespace HybridSpa.Web.Observability;

/// <summary>
/// Leaves health probes and Prometheus scrapes out of the exported traces: they arrive every few seconds and say nothing
/// about sign-ins. ASP.NET Core's own request activity has no filter option (the instrumentation package's <c>Filter</c> did
/// this), so a processor marks the request, and with it every child span, not recorded as it starts.
/// </summary>
internal sealed class OperatorEndpointSpans(PrometheusEndpointOptions prometheus) : BaseProcessor<Activity>
{
    public override void OnStart(Activity data)
    {
        if (data.Kind == ActivityKind.Server && data.GetTagItem("url.path") is string path && IsOperatorEndpoint(new PathString(path)))
        {
            data.IsAllDataRequested = false;
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }

    private bool IsOperatorEndpoint(PathString path) =>
        path.StartsWithSegments(SharedStateExtensions.HealthPath) || (prometheus.Enabled && path.StartsWithSegments(prometheus.Path));
}
