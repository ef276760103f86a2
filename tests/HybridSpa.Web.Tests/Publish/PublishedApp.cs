using HybridSpa.Tests.Prerequisites;
using HybridSpa.Web.Tests.Infrastructure;

namespace HybridSpa.Web.Tests.Publish;

/// <summary>
/// <c>dotnet publish -c Release src/HybridSpa.Web</c>, as an operator runs it, once for the test class: into a temporary
/// folder, with its own artifacts path so it never touches the repository's Debug build.
/// </summary>
public sealed class PublishedApp : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hybridspa-publish-").FullName;

    public PublishedApp()
    {
        Folder = System.IO.Path.Combine(_root, "publish");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var project = System.IO.Path.Combine(RepositoryRoot.Path, "src", "HybridSpa.Web", "HybridSpa.Web.csproj");
        var result = ProcessCommandRunner.Instance.Run(
            dotnet, ["publish", project, "-c", "Release", "-o", Folder, "--artifacts-path", System.IO.Path.Combine(_root, "artifacts")]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({result.ExitCode}):\n{result.Output}");
        }
    }

    /// <summary>The published app's folder.</summary>
    public string Folder { get; }

    /// <summary>Every file of the publish, relative to <see cref="Folder"/>, with '/' separators.</summary>
    public IEnumerable<string> Files => Directory
        .EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
        .Select(file => System.IO.Path.GetRelativePath(Folder, file).Replace('\\', '/'));

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
