using System.Globalization;
using HybridSpa.Benchmarks.Harness;
using HybridSpa.Benchmarks.Reporting;

namespace HybridSpa.Benchmarks.Server;

/// <summary>
/// Item 2: what the server's sign-in callback costs of itself — the time of <c>POST /signin-oidc</c> minus the outgoing calls
/// inside it (the backchannel token redemption at the emulator), over many sequential sign-ins without a browser.
/// </summary>
internal static class CallbackCostBenchmark
{
    public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchmarkArguments arguments)
    {
        var signIns = arguments.Int("sign-ins", 300);
        var warmup = arguments.Int("callback-warmup", 20);
        var loadBefore = LoadAverage.Read();
        var callbacks = await MeasureAsync(signIns, warmup).ConfigureAwait(false);
        var own = new Distribution(callbacks.Select(c => c.TotalMs - c.BackchannelMs));
        var backchannel = new Distribution(callbacks.Select(c => c.BackchannelMs));
        var total = new Distribution(callbacks.Select(c => c.TotalMs));
        Console.WriteLine($"[callback] {callbacks.Count} sign-ins: own {own.Describe("ms", 99)}; backchannel {backchannel.Describe("ms", 99)}; load average {loadBefore} before, {LoadAverage.Read()} after");
        return
        [
            new("2", "**server callback cost**: `POST /signin-oidc` minus its backchannel calls (state, correlation, PKCE, MSAL.NET redemption "
                + "bookkeeping, id_token validation, token cache write, session, cookie)",
                string.Create(CultureInfo.InvariantCulture, $"p50 {own.Median:0.00} ms, p99 {own.Percentile(99):0.00} ms (n={own.Count}); ")
                + string.Create(CultureInfo.InvariantCulture, $"backchannel token call p50 {backchannel.Median:0.00} ms, p99 {backchannel.Percentile(99):0.00} ms; ")
                + string.Create(CultureInfo.InvariantCulture, $"whole callback p50 {total.Median:0.00} ms, p99 {total.Percentile(99):0.00} ms")),
        ];
    }

    /// <summary>Starts a deployment, signs in <paramref name="warmup"/> then <paramref name="signIns"/> times, and returns each measured callback.</summary>
    public static async Task<IReadOnlyList<(double TotalMs, double BackchannelMs)>> MeasureAsync(int signIns, int warmup)
    {
        await using var stack = await Deployments.StartAsync().ConfigureAwait(false);
        using var recorder = new CallbackActivityRecorder();
        for (var i = 0; i < warmup + signIns; i++)
        {
            if (i == warmup)
            {
                recorder.Callbacks.Clear();
            }

            using var user = new HttpSignIn(stack);
            await user.SignInAsync(Deployments.Adele).ConfigureAwait(false);
        }

        return !recorder.Callbacks.IsEmpty
            ? [.. recorder.Callbacks]
            : throw new InvalidOperationException("No /signin-oidc activity was recorded.");
    }
}
