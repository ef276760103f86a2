using System.Diagnostics;
using System.Net;
using HybridSpa.EntraEmulator;
using HybridSpa.Web.HandOff;
using HybridSpa.Web.Observability;
using HybridSpa.Web.Tests.Infrastructure;
using HybridSpa.Web.Tests.Integration;

namespace HybridSpa.Web.Tests.Observability;

/// <summary>
/// What an operator's collector receives from sign-ins against the in-process emulator, read from OpenTelemetry's in-memory
/// exporters: one trace per callback with the hybrid steps in it, the outcomes as metrics, and no secret anywhere.
/// </summary>
public sealed class SignInTelemetryTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly TelemetryCapture _telemetry = new();
    private readonly LogCapture _logs = new();
    private EntraEmulatorHost _emulator = null!;
    private EmulatorWebFactory _web = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorWebFixture.StartEmulatorAsync(EntraEmulatorOptions.CreateDefault());

        // Every category at Trace (LogCapture's settings), so the log pipeline carries the most it ever could.
        _web = new EmulatorWebFactory(_emulator) { Logs = _logs };
        _telemetry.Attach(_web);
    }

    [Fact]
    public async Task A_callback_is_one_trace_holding_the_redemption_its_token_call_the_validation_and_the_hand_off()
    {
        using var driver = new EmulatorSignInDriver(_emulator, _telemetry.CreateBrowser());
        var (formPost, _) = await driver.AuthorizeAsync(driver.AssertChallenge(await driver.App.GetAsync("/")), EmulatorSignInDriver.Adele);

        // The callback continues a trace the test starts, so its spans are told apart from other apps' in this process.
        var traceId = ActivityTraceId.CreateRandom();
        var parent = ActivitySpanId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/signin-oidc") { Content = new FormUrlEncodedContent(formPost.Fields) };
        request.Headers.Add("traceparent", $"00-{traceId}-{parent}-01");
        var callback = await driver.App.SendAsync(request, crossSite: true);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);

        var server = await _telemetry.WaitForSpanAsync(span => span.TraceId == traceId && span.ParentSpanId == parent);
        var trace = _telemetry.Spans.Where(span => span.TraceId == traceId).ToList();
        Assert.Equal(ActivityKind.Server, server.Kind);
        Assert.Equal("/signin-oidc", server.GetTagItem("url.path"));
        Assert.Equal(SignInOutcome.Hybrid, server.GetTagItem("hybridspa.sign_in.outcome"));

        var redeem = Assert.Single(trace, span => span.DisplayName == "hybridspa.sign_in.redeem");
        Assert.Equal(server.SpanId, redeem.ParentSpanId);
        var tokenCall = Assert.Single(trace, span => span.Kind == ActivityKind.Client && Equals(span.GetTagItem("url.full"), _emulator.Authority + "oauth2/v2.0/token"));
        Assert.Equal(redeem.SpanId, tokenCall.ParentSpanId);

        var validate = Assert.Single(trace, span => span.DisplayName == "hybridspa.sign_in.validate");
        Assert.Equal(server.SpanId, validate.ParentSpanId);
        var handOff = Assert.Single(trace, span => span.DisplayName == "hybridspa.hand_off.store");
        Assert.Equal(validate.SpanId, handOff.ParentSpanId);
        Assert.Equal(true, handOff.GetTagItem("hybridspa.spa_code"));
        Assert.Contains(trace, span => span.DisplayName == "hybridspa.ticket_store.store" && span.ParentSpanId == server.SpanId);

        // Logs go through the same pipeline, stamped with the trace they were written in.
        Assert.Contains(_telemetry.Logs, log => log.TraceId == traceId);
    }

    [Fact]
    public async Task Sign_in_consent_fallback_and_sign_out_export_their_outcomes_and_no_code_token_secret_cookie_or_upn()
    {
        var secrets = new List<string> { DevelopmentDefaults.ClientSecret, EmulatorSignInDriver.AdeleUserPrincipalName, "megan.bowen@outlook.com" };
        using var adele = new EmulatorSignInDriver(_emulator, _telemetry.CreateBrowser());

        // Sign-in: the authorization code, then the SPA code the page hands over.
        var (formPost, _) = await adele.AuthorizeAsync(adele.AssertChallenge(await adele.App.GetAsync("/")), EmulatorSignInDriver.Adele);
        secrets.Add(formPost.Fields["code"]);
        Assert.Equal(HttpStatusCode.Redirect, (await adele.App.PostFromIdpAsync("/signin-oidc", formPost.Fields)).StatusCode);
        var bootstrap = await adele.HomeBootstrapAsync();
        secrets.Add(bootstrap.SpaCode!);
        Assert.Equal(HttpStatusCode.OK, (await adele.App.GetAsync("/profile")).StatusCode);

        // Incremental consent: a challenge for Mail.Read, the consent page, a second callback.
        var (consented, _) = await adele.AuthorizeAsync(adele.AssertChallenge(await adele.App.GetAsync("/profile/mail")), EmulatorSignInDriver.Adele);
        secrets.Add(consented.Fields["code"]);
        Assert.Equal(HttpStatusCode.Redirect, (await adele.App.PostFromIdpAsync("/signin-oidc", consented.Fields)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await adele.App.GetAsync("/profile/mail")).StatusCode);
        secrets.AddRange(adele.App.Cookies.Values.Select(cookie => cookie.Value.ToString()));
        secrets.AddRange(adele.EmulatorCookies.GetAllCookies().Select(cookie => cookie.Value));

        // A personal account: AADSTS9000512, then the sign-in without a SPA code.
        using var megan = new EmulatorSignInDriver(_emulator, _telemetry.CreateBrowser());
        Assert.Equal(HttpStatusCode.Redirect, (await megan.SignInAsync(EmulatorSignInDriver.Megan)).StatusCode);
        Assert.True((await megan.HomeBootstrapAsync()).BootstrapByRedirect);
        secrets.AddRange(megan.App.Cookies.Values.Select(cookie => cookie.Value.ToString()));

        // Sign-out, through the emulator and back.
        var signOut = await adele.App.SignOutAsync(bootstrap.SignOut);
        var loggedOut = await adele.LogOutAtEmulatorAsync(signOut.Headers.Location!);
        var signedOutCallback = await adele.App.GetAsync(loggedOut.ContinueTo!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, signedOutCallback.StatusCode);

        // Adele's two callbacks (sign-in, consent) and one render; Megan's refused SPA code and her sign-in without one.
        Assert.Equal(2, _telemetry.CounterSum("hybridspa.sign_in.outcomes", ("hybridspa.outcome", SignInOutcome.Hybrid)));
        Assert.Equal(1, _telemetry.CounterSum("hybridspa.sign_in.outcomes", ("hybridspa.outcome", SignInOutcome.Consent)));
        Assert.Equal(1, _telemetry.CounterSum("hybridspa.sign_in.outcomes", ("hybridspa.outcome", SignInOutcome.SpaCodeRefused)));
        Assert.Equal(1, _telemetry.CounterSum("hybridspa.sign_in.outcomes", ("hybridspa.outcome", SignInOutcome.Fallback)));
        Assert.Equal(0, _telemetry.CounterSum("hybridspa.sign_in.outcomes", ("hybridspa.outcome", SignInOutcome.Failure)));
        Assert.Equal(2, _telemetry.CounterSum("hybridspa.hand_offs", ("hybridspa.outcome", HandOffOutcome.Stored)));
        Assert.Equal(1, _telemetry.CounterSum("hybridspa.hand_offs", ("hybridspa.outcome", HandOffOutcome.Taken)));
        Assert.True(_telemetry.CounterSum("hybridspa.ticket_store.operations", ("hybridspa.operation", "remove")) >= 1);
        Assert.True(_telemetry.CounterSum("hybridspa.identity_provider.duration", ("hybridspa.endpoint", "token")) >= 3);
        Assert.True(_telemetry.CounterSum("hybridspa.graph.duration", ("hybridspa.outcome", "200")) >= 1);

        var exported = string.Join('\n', _telemetry.ExportedText());
        Assert.Contains("/signin-oidc", exported, StringComparison.Ordinal);
        Assert.Contains(_telemetry.Logs, log => log.LogLevel == Microsoft.Extensions.Logging.LogLevel.Trace);
        Assert.DoesNotContain("eyJ", exported, StringComparison.Ordinal);
        foreach (var secret in secrets.Where(secret => secret.Length >= 8).Distinct())
        {
            Assert.False(exported.Contains(secret, StringComparison.OrdinalIgnoreCase), $"Exported telemetry holds a secret ({secret[..4]}…).");
        }
    }

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        await _emulator.DisposeAsync();
        _telemetry.Dispose();
        _logs.Dispose();
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
}
