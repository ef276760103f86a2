using HybridSpa.Tests.Prerequisites;

namespace HybridSpa.EndToEnd.Tests.Browser;

/// <summary>
/// Chromium and certutil, found on this machine. Only <see cref="BrowserPrerequisites"/> makes one, so nothing can run
/// either tool before the prerequisite step has found (or installed) both.
/// </summary>
public sealed class BrowserTools
{
    private readonly string certutil;
    private readonly ICommandRunner runner;

    internal BrowserTools(string chromiumExecutable, string certutil, ICommandRunner runner)
    {
        ChromiumExecutable = chromiumExecutable;
        this.certutil = certutil;
        this.runner = runner;
    }

    /// <summary>The Chromium executable Playwright launches.</summary>
    public string ChromiumExecutable { get; }

    /// <summary>Runs certutil (NSS's certificate tool) and fails with its output when it fails.</summary>
    internal void Certutil(params string[] arguments)
    {
        var result = runner.Run(certutil, arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"certutil {string.Join(' ', arguments)} failed: {result.Output}");
        }
    }
}
