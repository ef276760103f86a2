namespace HybridSpa.Benchmarks.Reporting;

/// <summary>The machine's load average (1, 5, 15 minutes) from /proc/loadavg, for the record of each run.</summary>
internal static class LoadAverage
{
    public static string Read() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
