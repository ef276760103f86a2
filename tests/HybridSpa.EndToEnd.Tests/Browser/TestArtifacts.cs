namespace HybridSpa.EndToEnd.Tests.Browser;

/// <summary>Where failure screenshots and logs go: beside the test results, under the repository's artifacts folder.</summary>
public static class TestArtifacts
{
    /// <summary><c>artifacts/test-results/e2e</c> under the repository root (found from the test assembly's folder).</summary>
    public static string Directory { get; } = Locate();

    private static string Locate()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "HybridSpa.sln")))
            {
                return Path.Combine(folder.FullName, "artifacts", "test-results", "e2e");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "TestResults", "e2e");
    }
}
