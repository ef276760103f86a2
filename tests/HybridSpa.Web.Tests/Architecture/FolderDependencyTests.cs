using System.Text.RegularExpressions;
using HybridSpa.Web.Tests.Infrastructure;

namespace HybridSpa.Web.Tests.Architecture;

/// <summary>
/// The web project's folders depend on each other one way (the sign-in writes to the hand-off, the host page reads from it):
/// no folder reaches itself by following the namespaces its sources name, through any number of other folders.
/// </summary>
public sealed partial class FolderDependencyTests : IDisposable
{
    private static readonly string WebProject = Path.Combine(RepositoryRoot.Path, "src", "HybridSpa.Web");

    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("hybridspa-folders-");

    [Fact]
    public void No_folder_of_the_web_project_imports_itself_through_other_folders() => Assert.Empty(Cycles(WebProject));

    [Fact]
    public void Two_folders_that_import_each_other_are_named_as_a_cycle_and_a_one_way_import_is_not()
    {
        Write("SignIn/Events.cs", "using HybridSpa.Web.HandOff;\nnamespace HybridSpa.Web.SignIn;\n");
        Write("HandOff/Store.cs", "namespace HybridSpa.Web.HandOff;\n/// <see cref=\"SignIn.Events\"/>\nclass Store;\n");
        Write("SpaHost/Page.cs", "using HybridSpa.Web.HandOff;\nnamespace HybridSpa.Web.SpaHost;\n");

        Assert.Equal(["HandOff, SignIn: HandOff → SignIn → HandOff"], Cycles(_scratch.FullName));
    }

    [Fact]
    public void Three_folders_that_import_each_other_in_a_ring_are_named_with_the_ring_and_a_folder_outside_it_is_not()
    {
        Write("SignIn/Events.cs", "using HybridSpa.Web.HandOff;\nnamespace HybridSpa.Web.SignIn;\n");
        Write("HandOff/Store.cs", "namespace HybridSpa.Web.HandOff;\nclass Store { HybridSpa.Web.SpaHost.Page? _page; }\n");
        Write("SpaHost/Page.cs", "namespace HybridSpa.Web.SpaHost;\n/// <see cref=\"SignIn.Events\"/>\nclass Page;\n");
        Write("Account/Endpoints.cs", "using HybridSpa.Web.SignIn;\nnamespace HybridSpa.Web.Account;\n");

        Assert.Equal(["HandOff, SignIn, SpaHost: HandOff → SpaHost → SignIn → HandOff"], Cycles(_scratch.FullName));
    }

    public void Dispose() => _scratch.Delete(recursive: true);

    // One line per set of folders that import each other (directly or through others): the folders, then one shortest cycle
    // from the first of them. A folder imports another when its sources name that namespace, in full (HybridSpa.Web.SignIn)
    // or from inside HybridSpa.Web (SignIn.SignInSchemes).
    private static List<string> Cycles(string project)
    {
        var imports = Imports(project);
        var folders = imports.Keys.Order(StringComparer.Ordinal).ToList();
        return [.. folders
            .Where(folder => ShortestPath(imports, folder, folder) is not null)
            .Select(folder => folders.Where(other => ShortestPath(imports, folder, other) is not null && ShortestPath(imports, other, folder) is not null).ToList())
            .DistinctBy(component => string.Join(',', component))
            .Select(component => $"{string.Join(", ", component)}: {string.Join(" → ", ShortestPath(imports, component[0], component[0])!)}")];
    }

    private static Dictionary<string, HashSet<string>> Imports(string project)
    {
        var folders = Directory.GetDirectories(project).Select(Path.GetFileName).OfType<string>()
            .Where(name => name is not ("bin" or "obj" or "wwwroot" or "node_modules")).ToHashSet(StringComparer.Ordinal);
        var relative = new Regex($@"(?<![\w.])({string.Join('|', folders)})\.[A-Z]", RegexOptions.CultureInvariant);
        return folders.ToDictionary(folder => folder, folder => Directory
            .EnumerateFiles(Path.Combine(project, folder), "*.*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".cshtml", StringComparison.Ordinal))
            .SelectMany(file => File.ReadLines(file).Where(line => !line.TrimStart().StartsWith("namespace ", StringComparison.Ordinal)))
            .SelectMany(line => WebNamespace().Matches(line).Concat(relative.Matches(line)).Select(match => match.Groups[1].Value))
            .Where(other => other != folder && folders.Contains(other))
            .ToHashSet(StringComparer.Ordinal));
    }

    // Breadth first, neighbours in name order, so the path named is the same on every run; from a folder to itself it is a cycle.
    private static List<string>? ShortestPath(Dictionary<string, HashSet<string>> imports, string from, string to)
    {
        var cameFrom = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var folder))
        {
            foreach (var next in imports[folder].Order(StringComparer.Ordinal))
            {
                if (next == to)
                {
                    var path = new List<string> { to, folder };
                    for (var step = folder; step != from; step = cameFrom[step])
                    {
                        path.Add(cameFrom[step]);
                    }

                    path.Reverse();
                    return path;
                }

                if (next != from && cameFrom.TryAdd(next, folder))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return null;
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
