using HybridSpa.EndToEnd.Tests.Harness;

namespace HybridSpa.EndToEnd.Tests.Browser;

/// <summary>Where failure screenshots, page screenshots and logs go: beside the test results, under the repository's artifacts folder.</summary>
public static class TestArtifacts
{
    /// <summary><c>artifacts/test-results/e2e</c> under the repository root.</summary>
    public static string Directory { get; } = Repository.RootOrNull is { } root
        ? Path.Combine(root, "artifacts", "test-results", "e2e")
        : Path.Combine(AppContext.BaseDirectory, "TestResults", "e2e");
}
