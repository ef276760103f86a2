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
        var (exitCode, log) = await ProcessRun.RunAsync(
            "npm", ClientAppDirectory, new Dictionary<string, string> { ["CI"] = "true", ["NO_COLOR"] = "1" }, "run", "test");

        output.WriteLine(log);
        Assert.True(exitCode == 0, $"npm test exited with {exitCode}:{Environment.NewLine}{log}");
        Assert.Contains("passed", log, StringComparison.Ordinal);
    }
}
