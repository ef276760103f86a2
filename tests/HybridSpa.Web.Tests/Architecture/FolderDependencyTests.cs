using System.Text.RegularExpressions;
using HybridSpa.Web.Tests.Infrastructure;

namespace HybridSpa.Web.Tests.Architecture;

/// <summary>
/// The web project's folders depend on each other one way (the sign-in writes to the hand-off, the host page reads from it):
/// a folder that names another folder's namespace is never named back by it.
/// </summary>
public sealed partial class FolderDependencyTests : IDisposable
{
    private static readonly string WebProject = Path.Combine(RepositoryRoot.Path, "src", "HybridSpa.Web");

    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("hybridspa-folders-");

    [Fact]
    public void No_two_folders_of_the_web_project_import_each_other() => Assert.Empty(MutualImports(WebProject));

    [Fact]
    public void Two_folders_that_import_each_other_are_named_as_a_pair_and_a_one_way_import_is_not()
    {
        Write("SignIn/Events.cs", "using HybridSpa.Web.HandOff;\nnamespace HybridSpa.Web.SignIn;\n");
        Write("HandOff/Store.cs", "namespace HybridSpa.Web.HandOff;\n/// <see cref=\"SignIn.Events\"/>\nclass Store;\n");
        Write("SpaHost/Page.cs", "using HybridSpa.Web.HandOff;\nnamespace HybridSpa.Web.SpaHost;\n");

        Assert.Equal(["HandOff ↔ SignIn"], MutualImports(_scratch.FullName));
    }

    public void Dispose() => _scratch.Delete(recursive: true);

    // "A ↔ B" (A before B) for every pair of top-level folders whose sources name each other's namespace, in full
    // (HybridSpa.Web.SignIn) or from inside HybridSpa.Web (SignIn.SignInSchemes).
    private static List<string> MutualImports(string project)
    {
        var folders = Directory.GetDirectories(project).Select(Path.GetFileName).OfType<string>()
            .Where(name => name is not ("bin" or "obj" or "wwwroot" or "node_modules")).ToHashSet(StringComparer.Ordinal);
        var relative = new Regex($@"(?<![\w.])({string.Join('|', folders)})\.[A-Z]", RegexOptions.CultureInvariant);
        var imports = folders.ToDictionary(folder => folder, folder => Directory
            .EnumerateFiles(Path.Combine(project, folder), "*.*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".cshtml", StringComparison.Ordinal))
            .SelectMany(file => File.ReadLines(file).Where(line => !line.TrimStart().StartsWith("namespace ", StringComparison.Ordinal)))
            .SelectMany(line => WebNamespace().Matches(line).Concat(relative.Matches(line)).Select(match => match.Groups[1].Value))
            .Where(other => other != folder && folders.Contains(other))
            .ToHashSet(StringComparer.Ordinal));
        return [.. imports
            .SelectMany(entry => entry.Value.Where(other => string.CompareOrdinal(entry.Key, other) < 0 && imports[other].Contains(entry.Key))
                .Select(other => $"{entry.Key} ↔ {other}"))
            .Order(StringComparer.Ordinal)];
    }

    private void Write(string relativePath, string source)
    {
        var path = Path.Combine(_scratch.FullName, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, source);
    }

    [GeneratedRegex(@"\bHybridSpa\.Web\.([A-Za-z]+)\b")]
    private static partial Regex WebNamespace();
}
