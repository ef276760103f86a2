using System.Reflection;
using System.Xml.Linq;

namespace HybridSpa.ClientApp.Tests;

/// <summary>How the solution builds the SPA: once per build whatever the parallelism, and saying so while it does.</summary>
public sealed class SpaBuildTests
{
    private static readonly string RepositoryRoot = Path.GetFullPath(Path.Combine(
        typeof(SpaBuildTests).Assembly.GetCustomAttribute<ClientAppDirectoryAttribute>()!.Path, ".."));

    [Fact]
    public void Only_the_web_project_runs_npm_ci_and_vite_and_the_spa_tests_depend_on_its_build()
    {
        var projects = Directory.EnumerateFiles(RepositoryRoot, "*.csproj", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(path => Path.GetFileNameWithoutExtension(path), XDocument.Load);

        // Two projects running npm ci in one folder at once broke each other under -m (ENOTEMPTY, ENOENT).
        var importers = projects.Where(project => Imports(project.Value).Any(import => import.EndsWith("ClientApp.targets", StringComparison.Ordinal)))
            .Select(project => project.Key);
        Assert.Equal(["HybridSpa.Web"], importers);

        var reference = Assert.Single(projects["HybridSpa.ClientApp.Tests"].Descendants("ProjectReference"));
        Assert.EndsWith("HybridSpa.Web.csproj", (string?)reference.Attribute("Include"), StringComparison.Ordinal);
        Assert.Equal("false", (string?)reference.Attribute("ReferenceOutputAssembly"));
    }

    [Fact]
    public async Task A_long_build_step_says_so_under_dotnet_run_whose_build_is_otherwise_silent()
    {
        var project = Directory.CreateTempSubdirectory("hybridspa-build-progress-");
        try
        {
            // Two references, as the web app has (the emulator, the contract generator): with two, dotnet run once built the
            // project on a worker node, whose console is not the user's.
            foreach (var library in new[] { "first", "second" })
            {
                var folder = Directory.CreateDirectory(Path.Combine(project.FullName, library));
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, library + ".csproj"), """
                    <Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>
                    """);
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, "Library.cs"), $"public static class {library}Library;");
            }

            var app = Directory.CreateDirectory(Path.Combine(project.FullName, "probe"));
            await File.WriteAllTextAsync(Path.Combine(app.FullName, "probe.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup>
                  <ItemGroup><ProjectReference Include="../first/first.csproj" /><ProjectReference Include="../second/second.csproj" ReferenceOutputAssembly="false" /></ItemGroup>
                  <Import Project="{Path.Combine(RepositoryRoot, "clientapp", "BuildProgress.targets")}" />
                  <Target Name="LongStep" BeforeTargets="BeforeBuild"><ReportBuildStep Text="probe: a long step starts" /></Target>
                </Project>
                """);
            await File.WriteAllTextAsync(Path.Combine(app.FullName, "Program.cs"), "System.Console.WriteLine(\"probe ran\");");

            var (exitCode, log) = await ProcessRun.RunAsync(
                "dotnet", app.FullName, new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" }, "run");

            Assert.True(exitCode == 0, log);
            Assert.Contains("probe: a long step starts", log, StringComparison.Ordinal);
            Assert.Contains("probe ran", log, StringComparison.Ordinal);
        }
        finally
        {
            project.Delete(recursive: true);
        }
    }

    private static IEnumerable<string> Imports(XDocument project) =>
        project.Descendants("Import").Select(import => (string?)import.Attribute("Project") ?? "");
}
