namespace HybridSpa.Web.Tests.Infrastructure;

/// <summary>The repository the tests run from (the folder of HybridSpa.sln).</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "HybridSpa.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository: HybridSpa.sln not found above " + AppContext.BaseDirectory);
    }
}
