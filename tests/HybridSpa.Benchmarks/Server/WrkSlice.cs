using System.Globalization;

namespace HybridSpa.Benchmarks.Server;

/// <summary>
/// What one or more wrk runs against one page measured: requests, seconds, response bytes (headers and body), wrk's error
/// counts, and every recorded latency with its count (so that slices merge into one distribution, not an average of p99s).
/// </summary>
internal sealed record WrkSlice(long Requests, double Seconds, long Bytes, WrkErrors Errors, IReadOnlyDictionary<long, long> LatencyUs)
{
    public double RequestsPerSecond => Requests / Seconds;

    /// <summary>Parses the lines <c>wrk-report.lua</c> writes.</summary>
    public static WrkSlice Parse(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var summary = lines.FirstOrDefault(l => l.StartsWith("wrk-summary ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("wrk printed no summary (is wrk-report.lua next to the benchmark?):" + Environment.NewLine + output);
        var fields = summary.Split(' ').Skip(1).Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => long.Parse(f[1], CultureInfo.InvariantCulture));
        var latency = lines.Where(l => l.StartsWith("wrk-latency ", StringComparison.Ordinal))
            .Select(l => l.Split(' '))
            .GroupBy(p => long.Parse(p[1], CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Sum(p => long.Parse(p[2], CultureInfo.InvariantCulture)));
        return new(
            fields["requests"],
            fields["duration_us"] / 1e6,
            fields["bytes"],
            new WrkErrors(fields["connect"], fields["read"], fields["write"], fields["status"], fields["timeout"]),
            latency);
    }

    public static WrkSlice Combine(IReadOnlyList<WrkSlice> slices)
    {
        var latency = new Dictionary<long, long>();
        foreach (var (microseconds, count) in slices.SelectMany(s => s.LatencyUs))
        {
            latency[microseconds] = latency.GetValueOrDefault(microseconds) + count;
        }

        return new(
            slices.Sum(s => s.Requests),
            slices.Sum(s => s.Seconds),
            slices.Sum(s => s.Bytes),
            slices.Select(s => s.Errors).Aggregate((a, b) => a + b),
            latency);
    }

    /// <summary>Nearest-rank percentile of the recorded latencies, in milliseconds.</summary>
    public double LatencyPercentileMs(double percent)
    {
        var total = LatencyUs.Values.Sum();
        var rank = Math.Max(1, (long)Math.Ceiling(percent / 100 * total));
        long seen = 0;
        foreach (var (microseconds, count) in LatencyUs.OrderBy(l => l.Key))
        {
            seen += count;
            if (seen >= rank)
            {
                return microseconds / 1000.0;
            }
        }

        return double.NaN;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{RequestsPerSecond:N0} requests/s; latency p50 {LatencyPercentileMs(50):0.0} ms, p99 {LatencyPercentileMs(99):0.0} ms (n={Requests:N0} in {Seconds:0.0} s); {Errors}");

    /// <summary>The slice's line of progress: requests/s and the p99.</summary>
    public string Brief() => string.Create(CultureInfo.InvariantCulture, $"{RequestsPerSecond:N0}/s p99 {LatencyPercentileMs(99):0.0} ms");
}

/// <summary>wrk's error counts: sockets (connect, read, write), non-2xx/3xx answers (status) and requests over the timeout.</summary>
internal readonly record struct WrkErrors(long Connect, long Read, long Write, long Status, long Timeout)
{
    public long Total => Connect + Read + Write + Status + Timeout;

    public static WrkErrors operator +(WrkErrors a, WrkErrors b) =>
        new(a.Connect + b.Connect, a.Read + b.Read, a.Write + b.Write, a.Status + b.Status, a.Timeout + b.Timeout);

    public override string ToString() => Total == 0
        ? "errors 0"
        : string.Create(CultureInfo.InvariantCulture, $"errors {Total} (connect {Connect}, read {Read}, write {Write}, non-2xx/3xx {Status}, timeout {Timeout})");
}
