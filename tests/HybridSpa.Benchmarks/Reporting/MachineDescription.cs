using System.Diagnostics;
using System.Runtime.InteropServices;
using HybridSpa.EndToEnd.Tests.Browser;

namespace HybridSpa.Benchmarks.Reporting;

/// <summary>What the numbers were measured on: cores, CPU model, memory, load, runtime and Chromium.</summary>
internal static class MachineDescription
{
    public static string Describe()
    {
        var cpu = ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memory = ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var load = ReadLines("/proc/loadavg").FirstOrDefault() ?? "unknown";
        return $"Machine: {Environment.ProcessorCount} cores, {cpu}, {memory} memory, load average {load}; "
            + $"{RuntimeInformation.OSDescription}; {RuntimeInformation.FrameworkDescription}; {ChromiumVersion()}";
    }

    private static string ChromiumVersion()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(BrowserPrerequisites.Tools.ChromiumExecutable, "--version")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output.Trim();
        }
        catch (InvalidOperationException exception)
        {
            return "Chromium: " + exception.Message;
        }
    }

    private static string[] ReadLines(string path) => File.Exists(path) ? File.ReadAllLines(path) : [];
}
