using System.Diagnostics;
using HybridSpa.Web.Configuration;
using OpenTelemetry.Trace;

namespace HybridSpa.Web.Observability;

/// <summary>
/// Head sampling that keeps every sign-in: a request to the sign-in or sign-out callback is always traced, any other trace
/// as <paramref name="others"/> decides (the app: <see cref="RateLimitedSampler"/>, <c>Telemetry:Traces:PerSecond</c>). OpenTelemetry's standard
/// samplers cannot tell requests apart; the request's <c>url.path</c> is on its activity when it is created (ASP.NET Core
/// 10 with its tags switched on), so this one can. Built by <see cref="ForRequests"/>.
/// </summary>
internal sealed class SignInFirstSampler(Sampler others, SignInSettings signIn) : Sampler
{
    /// <summary>How many traces a second other requests may start on each instance; <c>OTEL_TRACES_SAMPLER</c>, when set, replaces it all.</summary>
    public const string PerSecondSetting = "Telemetry:Traces:PerSecond";

    /// <summary>Enough for a person to follow every request of a page load, and a bounded cost under load.</summary>
    public const double DefaultPerSecond = 10;

    private static readonly SamplingResult Sampled = new(SamplingDecision.RecordAndSample);

    /// <summary>
    /// The app's sampler. A request that continues a trace from outside keeps the caller's trace id but not its say: its
    /// sampled flag is no order to trace, or a client could lift the cap (or hide a sign-in) with a <c>traceparent</c> header.
    /// A span inside the app follows its parent.
    /// </summary>
    public static Sampler ForRequests(double perSecond, SignInSettings signIn, TimeProvider time)
    {
        var requests = new SignInFirstSampler(new RateLimitedSampler(perSecond, time), signIn);
        return new ParentBasedSampler(requests, remoteParentSampled: requests, remoteParentNotSampled: requests);
    }

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Server && IsSignIn(samplingParameters.Tags) ? Sampled : others.ShouldSample(samplingParameters);

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
