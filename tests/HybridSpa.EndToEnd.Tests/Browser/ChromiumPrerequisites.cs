using System.Diagnostics;

namespace HybridSpa.EndToEnd.Tests.Browser;

/// <summary>Finds Debian's Chromium and certutil, installing them once per run through the project's own script.</summary>
public static class ChromiumPrerequisites
{
    private static readonly Lazy<string> ExecutablePathOnce = new(Ensure, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The Chromium executable: CHROMIUM_PATH when set, else /usr/bin/chromium.</summary>
    public static string ChromiumExecutable => ExecutablePathOnce.Value;

    private static string Ensure()
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (File.Exists(chromium) && IsOnPath("certutil"))
        {
            return chromium;
        }

        var script = Path.Combine(AppContext.BaseDirectory, "install-prerequisites.sh");
        var (exitCode, output) = Run("bash", script);
        if (exitCode != 0 || !File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {chromium} and certutil. {script} could not install them:{Environment.NewLine}{output}");
        }

        return chromium;
    }

    private static bool IsOnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, command)));

    internal static (int ExitCode, string Output) Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
