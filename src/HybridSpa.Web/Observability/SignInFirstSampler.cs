using System.Diagnostics;
using HybridSpa.Web.Configuration;
using OpenTelemetry.Trace;

namespace HybridSpa.Web.Observability;

/// <summary>
/// Head sampling that keeps every sign-in: a request to the sign-in or sign-out callback is always traced, any other request
/// that starts a trace with the ratio <c>Telemetry:Traces:SampleRatio</c> (trace-id based, as <c>traceidratio</c>). Used
/// as the root of a parent-based sampler, so a request that continues a trace follows its parent. OpenTelemetry's standard
/// samplers cannot tell requests apart; the request's <c>url.path</c> is on its activity when it is created (ASP.NET Core
/// 10 with its tags switched on), so this one can.
/// </summary>
internal sealed class SignInFirstSampler(double ratio, SignInSettings signIn) : Sampler
{
    /// <summary>The setting that turns it on; unset, every request is traced (or <c>OTEL_TRACES_SAMPLER</c> decides).</summary>
    public const string RatioSetting = "Telemetry:Traces:SampleRatio";

    private static readonly SamplingResult Sampled = new(SamplingDecision.RecordAndSample);
    private readonly TraceIdRatioBasedSampler _others = new(ratio);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Server && IsSignIn(samplingParameters.Tags) ? Sampled : _others.ShouldSample(samplingParameters);

    private bool IsSignIn(IEnumerable<KeyValuePair<string, object?>>? tags)
    {
        foreach (var tag in tags ?? [])
        {
            if (tag.Key == "url.path")
            {
                var path = new PathString(tag.Value as string);
                return path.StartsWithSegments(signIn.CallbackPath) || path.StartsWithSegments(signIn.SignedOutCallbackPath);
            }
        }

        return false;
    }
}
