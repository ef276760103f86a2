using System.Diagnostics;
using System.Reflection;
using Xunit.Abstractions;

namespace HybridSpa.ClientApp.Tests;

/// <summary>The SPA's strict type check, ESLint and its Vitest suite, run by npm exactly as a front-end developer runs them.</summary>
public sealed class ClientAppSuiteTests(ITestOutputHelper output)
{
    private static readonly string ClientAppDirectory =
        typeof(ClientAppSuiteTests).Assembly.GetCustomAttribute<ClientAppDirectoryAttribute>()!.Path;

    [Fact]
    public async Task Strict_typescript_eslint_and_the_vitest_suite_pass()
    {
        var (exitCode, log) = await RunNpmAsync("test");

        output.WriteLine(log);
        Assert.True(exitCode == 0, $"npm test exited with {exitCode}:{Environment.NewLine}{log}");
        Assert.Contains("passed", log, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Log)> RunNpmAsync(string script)
    {
        var start = new ProcessStartInfo("npm") { WorkingDirectory = ClientAppDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("run");
        start.ArgumentList.Add(script);
        start.Environment["CI"] = "true";
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start npm.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
