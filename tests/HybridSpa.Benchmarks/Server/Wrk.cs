using System.Diagnostics;
using System.Globalization;
using HybridSpa.Tests.Prerequisites;

namespace HybridSpa.Benchmarks.Server;

/// <summary>
/// Debian's <c>wrk</c>, the external load generator of item 3: a separate process, so the server's cores are not shared
/// with a client inside its own process. Found on PATH, else installed once by <c>install-wrk.sh</c> (as root on Debian),
/// else the benchmark stops with a message that says what to install.
/// </summary>
internal sealed class Wrk
{
    private const string Needs = "The page-throughput benchmark needs wrk (Debian package wrk)";

    private readonly string executable;
    private readonly string reportScript;

    private Wrk(string executable, string reportScript)
    {
        this.executable = executable;
        this.reportScript = reportScript;
    }

    public static Wrk Find() => new(
        PrerequisiteStep.Ensure(
            () => ExecutableSearch.OnPath().Find("wrk"),
            Path.Combine(AppContext.BaseDirectory, "install-wrk.sh"),
            Needs,
            ProcessCommandRunner.Instance),
        Path.Combine(AppContext.BaseDirectory, "Server", "wrk-report.lua"));

    /// <summary>
    /// Runs one wrk process: <paramref name="connections"/> keep-alive HTTP/1.1 connections over TLS (wrk does not verify
    /// the test certificate) on <paramref name="threads"/> threads, every request carrying <paramref name="cookieHeader"/>.
    /// </summary>
    public async Task<WrkSlice> RunAsync(Uri url, string cookieHeader, int threads, int connections, TimeSpan duration)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "--threads", threads.ToString(CultureInfo.InvariantCulture),
            "--connections", connections.ToString(CultureInfo.InvariantCulture),
            "--duration", string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalSeconds}s"),
            "--timeout", "5s",
            "--script", reportScript,
            "--header", "Cookie: " + cookieHeader,
            url.AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        var output = await stdout.ConfigureAwait(false);
        var errors = await stderr.ConfigureAwait(false);
        return process.ExitCode == 0
            ? WrkSlice.Parse(output)
            : throw new InvalidOperationException($"wrk exited with {process.ExitCode}:{Environment.NewLine}{output}{errors}");
    }
}
