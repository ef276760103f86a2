using System.Diagnostics;
using HybridSpa.Web.Configuration;
using HybridSpa.Web.Observability;
using HybridSpa.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace HybridSpa.Web.Tests.Observability;

/// <summary>
/// The app's head sampler, as it builds it (parent-based): requests to the sign-in callbacks are always traced, other requests
/// that start a trace, or continue a caller's, as <c>Telemetry:Traces:PerSecond</c> allows (here 0, so none), and a span
/// inside the app follows its parent. Asked directly: in this test process other apps' tracers vote on the same activities.
/// </summary>
public sealed class SignInFirstSamplingTests : IDisposable
{
    private readonly HybridSpaFactory _factory = new();
    private readonly Sampler _sampler;

    public SignInFirstSamplingTests()
    {
        _factory.Settings[SignInFirstSampler.PerSecondSetting] = "0";
        _sampler = SignInFirstSampler.ForRequests(0, _factory.Services.GetRequiredService<SignInSettings>(), TimeProvider.System);
    }

    [Theory]
    [InlineData("/signin-oidc")]
    [InlineData("/signout-callback-oidc")]
    public void A_request_to_a_sign_in_callback_is_always_traced(string path) =>
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(path, default));

    [Theory]
    [InlineData("/")]
    [InlineData("/profile")]
    [InlineData("/app/assets/main.js")]
    [InlineData("/signin-oidc-lookalike")]
    public void Any_other_request_starting_a_trace_is_left_to_the_rate(string path) =>
        Assert.Equal(SamplingDecision.Drop, Decide(path, default));

    [Fact]
    public void A_callers_sampled_flag_does_not_lift_the_rate() =>
        Assert.Equal(SamplingDecision.Drop, Decide("/", Parent(ActivityTraceFlags.Recorded, isRemote: true)));

    [Fact]
    public void A_callers_unsampled_flag_does_not_hide_a_sign_in() =>
        Assert.Equal(SamplingDecision.RecordAndSample, Decide("/signin-oidc", Parent(ActivityTraceFlags.None, isRemote: true)));

    [Theory]
    [InlineData(ActivityTraceFlags.Recorded, SamplingDecision.RecordAndSample)]
    [InlineData(ActivityTraceFlags.None, SamplingDecision.Drop)]
    public void A_span_inside_the_app_follows_its_parent(ActivityTraceFlags parent, SamplingDecision decision) =>
        Assert.Equal(decision, Decide("/", Parent(parent, isRemote: false)));

    private static ActivityContext Parent(ActivityTraceFlags flags, bool isRemote) =>
        new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), flags, isRemote: isRemote);

    [Theory]
    [InlineData("-1")]
    [InlineData("NaN")]
    [InlineData("ten")]
    public void A_rate_that_is_not_a_number_from_0_up_stops_the_app_at_startup_naming_the_setting(string value)
    {
        using var factory = new HybridSpaFactory();
        factory.Settings[SignInFirstSampler.PerSecondSetting] = value;

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(SignInFirstSampler.PerSecondSetting, error.ToString(), StringComparison.Ordinal);
    }

    // What ASP.NET Core 10 passes when it creates a request's activity (its tags switched on, as the app does).
    private SamplingDecision Decide(string path, ActivityContext parent) =>
        _sampler.ShouldSample(new SamplingParameters(parent, ActivityTraceId.CreateRandom(), "Microsoft.AspNetCore.Hosting.HttpRequestIn", ActivityKind.Server,
            [new("url.scheme", "https"), new("url.path", path)])).Decision;

    public void Dispose() => _factory.Dispose();
}
