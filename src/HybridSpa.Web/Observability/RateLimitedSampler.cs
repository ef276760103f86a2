using OpenTelemetry.Trace;

namespace HybridSpa.Web.Observability;

/// <summary>
/// Head sampling bounded in time, not in share: at most <c>perSecond</c> traces a second, up to a second's worth at once,
/// however busy the instance is, so what tracing costs stops growing with the load. The generic cell rate algorithm on one
/// timestamp, without a lock. Ours because OpenTelemetry 1.21 has no rate-limiting sampler (the contrib package that does,
/// OpenTelemetry.Extensions, is not served here).
/// </summary>
internal sealed class RateLimitedSampler : Sampler
{
    private static readonly SamplingResult Sampled = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult Dropped = new(SamplingDecision.Drop);
    private readonly TimeProvider _time;
    private readonly bool _never;
    private readonly long _cost;
    private readonly long _credit;

    /// <summary>The time, in <see cref="TimeProvider.GetTimestamp"/>'s ticks, up to which traces have been paid for.</summary>
    private long _paidUntil;

    public RateLimitedSampler(double perSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(perSecond);
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _never = perSecond == 0;
        _cost = _never ? 0 : (long)Math.Min(time.TimestampFrequency / perSecond, long.MaxValue / 4);
        _credit = Math.Max(time.TimestampFrequency, _cost);
        _paidUntil = time.GetTimestamp() - _credit;
        Description = $"RateLimitedSampler{{{perSecond}/s}}";
    }

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        if (_never)
        {
            return Dropped;
        }

        var now = _time.GetTimestamp();
        while (true)
        {
            var paidUntil = Volatile.Read(ref _paidUntil);
            var next = Math.Max(paidUntil, now - _credit) + _cost;
            if (next > now)
            {
                return Dropped;
            }

            if (Interlocked.CompareExchange(ref _paidUntil, next, paidUntil) == paidUntil)
            {
                return Sampled;
            }
        }
    }
}
