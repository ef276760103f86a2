using System.Diagnostics;
using HybridSpa.Web.Observability;
using HybridSpa.Web.Tests.Infrastructure;
using OpenTelemetry.Trace;

namespace HybridSpa.Web.Tests.Observability;

/// <summary>
/// <see cref="RateLimitedSampler"/> on a clock that moves only when told: a second's worth of traces at once, then one per
/// share of a second, credit saved up to a second and no further, and none at all at 0.
/// </summary>
public sealed class RateLimitedSamplerTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public void A_burst_gets_a_seconds_worth_of_traces_and_the_rest_are_dropped()
    {
        var sampler = new RateLimitedSampler(10, _clock);

        Assert.Equal(10, Sampled(sampler, 25));
    }

    [Fact]
    public void After_a_burst_a_trace_is_allowed_each_share_of_a_second()
    {
        var sampler = new RateLimitedSampler(10, _clock);
        Sampled(sampler, 10);

        _clock.Advance(TimeSpan.FromMilliseconds(99));
        Assert.Equal(0, Sampled(sampler, 5));
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, Sampled(sampler, 5));
        _clock.Advance(TimeSpan.FromMilliseconds(350));
        Assert.Equal(3, Sampled(sampler, 5));
    }

    [Fact]
    public void Credit_saved_up_while_idle_is_capped_at_a_second()
    {
        var sampler = new RateLimitedSampler(4, _clock);
        Sampled(sampler, 4);

        _clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(4, Sampled(sampler, 100));
    }

    [Fact]
    public void A_rate_below_one_a_second_still_allows_one_trace_per_period()
    {
        var sampler = new RateLimitedSampler(0.5, _clock);

        Assert.Equal(1, Sampled(sampler, 3));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, Sampled(sampler, 3));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, Sampled(sampler, 3));
    }

    [Fact]
    public void At_0_a_second_nothing_is_traced_however_long_it_waits()
    {
        var sampler = new RateLimitedSampler(0, _clock);
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(0, Sampled(sampler, 10));
    }

    [Fact]
    public async Task Threads_racing_for_the_credit_get_no_more_than_it_holds()
    {
        var sampler = new RateLimitedSampler(100, _clock);

        var counts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Sampled(sampler, 1_000))));

        Assert.Equal(100, counts.Sum());
    }

    private static int Sampled(RateLimitedSampler sampler, int requests) =>
        Enumerable.Range(0, requests).Count(_ => sampler.ShouldSample(new SamplingParameters(default, ActivityTraceId.CreateRandom(), "GET /", ActivityKind.Server)).Decision == SamplingDecision.RecordAndSample);
}
