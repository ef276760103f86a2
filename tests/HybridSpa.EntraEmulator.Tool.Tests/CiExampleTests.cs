using System.Text.RegularExpressions;

namespace HybridSpa.EntraEmulator.Tool.Tests;

/// <summary>
/// The client-credentials examples of docs/emulator.md ("Use it in your own CI"), taken from the document as written and run
/// against the installed tool: MSAL.NET's AcquireTokenForClient and msal-node's acquireTokenByClientCredential, unmodified.
/// </summary>
[Collection(InstalledToolGroup.Name)]
public sealed partial class CiExampleTests(InstalledTool tool)
{
    private static readonly TimeSpan RunBound = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task Msal_net_client_credentials_example_lists_the_users_with_an_app_only_token()
    {
        using var emulator = await tool.StartAsync();
        var directory = ExampleDirectory(emulator, "client-credentials.cs");

        var (exitCode, output) = await ToolProcess.CaptureAsync(InstalledTool.Dotnet, ["run", "client-credentials.cs"], directory, Environment(emulator), RunBound);

        Assert.True(exitCode == 0, output);
        Assert.Contains("app-only token; Graph /users lists 3 users", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Msal_node_client_credentials_example_lists_the_users_with_an_app_only_token()
    {
        using var emulator = await tool.StartAsync();
        var directory = ExampleDirectory(emulator, "client-credentials.mjs");
        foreach (var file in new[] { "package.json", "package-lock.json" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "node", file), Path.Combine(directory, file));
        }

        await ToolProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], directory, new Dictionary<string, string>(), RunBound);
        var (exitCode, output) = await ToolProcess.CaptureAsync("node", ["client-credentials.mjs"], directory,
            new Dictionary<string, string>(Environment(emulator)) { ["NODE_EXTRA_CA_CERTS"] = emulator.CertificatePath }, RunBound);

        Assert.True(exitCode == 0, output);
        Assert.Contains("app-only token; Graph /users lists 3 users", output, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Environment(RunningTool emulator) =>
        new() { ["EMULATOR"] = new Uri(emulator.Authority).GetLeftPart(UriPartial.Authority), ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" };

    /// <summary>A fresh folder holding the example (the code block that starts with <c>// {name}:</c>) and emulator.pem, as the docs say.</summary>
    private string ExampleDirectory(RunningTool emulator, string name)
    {
        var documentation = File.ReadAllText(Path.Combine(InstalledTool.RepositoryRoot(), "docs", "emulator.md"));
        var example = CodeBlock().Matches(documentation).Select(m => m.Groups[1].Value).Single(code => code.StartsWith($"// {name}:", StringComparison.Ordinal));
        var directory = Directory.CreateDirectory(Path.Combine(tool.Root, Path.GetFileNameWithoutExtension(name) + "-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        File.WriteAllText(Path.Combine(directory, name), example);
        File.Copy(emulator.CertificatePath, Path.Combine(directory, "emulator.pem"));
        return directory;
    }

    [GeneratedRegex("```(?:csharp|js)\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
