namespace HybridSpa.EndToEnd.Tests.Harness;

/// <summary>The repository the tests run from (found from the test assembly's folder), for files the build made.</summary>
public static class Repository
{
    /// <summary>The folder that holds HybridSpa.sln, or null when the tests run outside the repository.</summary>
    public static string? RootOrNull { get; } = Locate();

    /// <summary>The folder that holds HybridSpa.sln.</summary>
    public static string Root => RootOrNull
        ?? throw new InvalidOperationException("The tests run outside the repository: HybridSpa.sln not found above " + AppContext.BaseDirectory);

    private static string? Locate()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "HybridSpa.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
