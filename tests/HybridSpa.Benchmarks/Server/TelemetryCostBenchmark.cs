using System.Diagnostics;
using System.Globalization;
using HybridSpa.Benchmarks.Reporting;

namespace HybridSpa.Benchmarks.Server;

/// <summary>
/// Item 6: what OpenTelemetry costs the app. On: traces, metrics and logs exported by OTLP/HTTP to <see cref="OtlpSink"/>
/// every second, and the Prometheus endpoint enabled; off: <c>OTEL_SDK_DISABLED=true</c>. Listeners are process-wide, so
/// the two never share a process: host-page throughput compares this process with a child process under wrk's alternating
/// slices (<see cref="PageThroughputBenchmark"/> <c>--compare-with</c>), once on/off and once off/on; the callback's own
/// time alternates blocks of sign-ins, off and on, each block in a deployment started for it while the other is gone.
/// </summary>
internal static class TelemetryCostBenchmark
{
    private static readonly string[] TelemetryVariables =
    [
        "OTEL_SDK_DISABLED", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_BSP_SCHEDULE_DELAY",
        "OTEL_BLRP_SCHEDULE_DELAY", "OTEL_METRIC_EXPORT_INTERVAL", "Telemetry__Prometheus__Enabled",
    ];

    public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchmarkArguments arguments)
    {
        var blocks = arguments.Int("blocks", 4);
        var signIns = arguments.Int("sign-ins", 100);
        using var sink = new OtlpSink();
        var rows = new List<ResultRow>();

        // Host-page throughput first, while this process is fresh: on here and off in a child, then the other way round, so
        // whatever one process position gains or loses falls on both settings.
        foreach (var thisOn in new[] { true, false })
        {
            rows.AddRange(await ThroughputAsync(thisOn, sink.Port, arguments).ConfigureAwait(false));
        }

        var loadBefore = LoadAverage.Read();
        var off = new List<double>();
        var on = new List<double>();
        for (var block = 0; block < 2 * blocks; block++)
        {
            var telemetryOn = block % 2 == 1;
            SetTelemetry(telemetryOn, sink.Port);
            var callbacks = await CallbackCostBenchmark.MeasureAsync(signIns, warmup: 20).ConfigureAwait(false);
            (telemetryOn ? on : off).AddRange(callbacks.Select(c => c.TotalMs - c.BackchannelMs));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[telemetry] callback block {block + 1} ({(telemetryOn ? "on" : "off")}): own p50 {new Distribution(callbacks.Select(c => c.TotalMs - c.BackchannelMs)).Median:0.00} ms; load average {LoadAverage.Read()}"));
        }

        SetTelemetry(false, sink.Port);
        var ownOff = new Distribution(off);
        var ownOn = new Distribution(on);
        rows.Add(new("6c", $"**telemetry cost, callback**: `POST /signin-oidc` minus its backchannel calls, on vs off, {blocks} alternating blocks of {signIns} sign-ins each",
            string.Create(CultureInfo.InvariantCulture, $"on p50 {ownOn.Median:0.00} ms, p99 {ownOn.Percentile(99):0.00} ms; off p50 {ownOff.Median:0.00} ms, p99 {ownOff.Percentile(99):0.00} ms; ")
            + string.Create(CultureInfo.InvariantCulture, $"p50 difference {ownOn.Median - ownOff.Median:+0.00;-0.00} ms; load average {loadBefore} before, {LoadAverage.Read()} after")));
        Console.WriteLine($"[telemetry] the sink took {sink.Exports} exports");
        return rows;
    }

    /// <summary>One paired throughput run: this process with telemetry <paramref name="thisOn"/>, a child process with the opposite.</summary>
    private static async Task<IEnumerable<ResultRow>> ThroughputAsync(bool thisOn, int sinkPort, BenchmarkArguments arguments)
    {
        var held = Path.Combine(Path.GetTempPath(), $"hybridspa-telemetry-{Environment.ProcessId}-{thisOn}.txt");
        SetTelemetry(!thisOn, sinkPort);
        using var child = StartHolder(held);
        try
        {
            SetTelemetry(thisOn, sinkPort);
            var rows = await PageThroughputBenchmark.RunAsync(new BenchmarkArguments(
                ["--compare-with", held, "--slices", arguments.String("slices", "10"), "--slice-seconds", arguments.String("slice-seconds", "6")])).ConfigureAwait(false);
            var item = thisOn ? "6a" : "6b";
            var setting = thisOn ? "on in this process, off in a child" : "off in this process, on in a child";
            return rows.Where(row => row.Item is "3a" or "3a′" or "3″").Select(row => row.Item switch
            {
                "3a" => row with { Item = item, Measure = $"**telemetry cost, host page** ({setting}): " + row.Measure + $", telemetry {(thisOn ? "on" : "off")}" },
                "3a′" => row with { Item = item + "′", Measure = $"same, telemetry {(thisOn ? "off" : "on")} (the child)" },
                _ => row with { Item = item + "″", Measure = $"this process / the child (requests/s, same slices): {(thisOn ? "on / off" : "off / on")}" },
            });
        }
        finally
        {
            File.Delete(held);
            await child.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            SetTelemetry(false, sinkPort);
        }
    }

    // The app reads the standard variables through its configuration when a deployment starts.
    private static void SetTelemetry(bool on, int sinkPort)
    {
        foreach (var name in TelemetryVariables)
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        if (!on)
        {
            Environment.SetEnvironmentVariable("OTEL_SDK_DISABLED", "true");
            return;
        }

        Environment.SetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT", $"http://127.0.0.1:{sinkPort}");
        Environment.SetEnvironmentVariable("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        Environment.SetEnvironmentVariable("OTEL_BSP_SCHEDULE_DELAY", "1000");
        Environment.SetEnvironmentVariable("OTEL_BLRP_SCHEDULE_DELAY", "1000");
        Environment.SetEnvironmentVariable("OTEL_METRIC_EXPORT_INTERVAL", "1000");
        Environment.SetEnvironmentVariable("Telemetry__Prometheus__Enabled", "true");
    }

    /// <summary>This program again, as <c>throughput --hold</c>, inheriting the telemetry-off environment.</summary>
    private static Process StartHolder(string heldFile)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(TelemetryCostBenchmark).Assembly.Location);
        }

        foreach (var argument in new[] { "throughput", "--hold", heldFile })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("The telemetry-off process did not start.");
    }
}
