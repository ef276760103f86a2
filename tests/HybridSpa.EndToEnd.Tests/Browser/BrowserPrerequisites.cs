using HybridSpa.Tests.Prerequisites;

namespace HybridSpa.EndToEnd.Tests.Browser;

/// <summary>
/// The browser tests' prerequisite step: Chromium (Playwright cannot download its own browser here) and certutil (to trust
/// the tests' certificate in the profile's NSS database), found once per run, installed first by
/// <c>install-prerequisites.sh</c> when missing.
/// </summary>
public static class BrowserPrerequisites
{
    /// <summary>The Debian packages, for the message when they cannot be installed.</summary>
    internal const string Needs = "The browser tests need Chromium (Debian package chromium) and certutil (Debian package libnss3-tools)";

    private static readonly Lazy<BrowserTools> MachineTools = new(
        () => Ensure(
            ExecutableSearch.OnPath(),
            Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : "chromium",
            Path.Combine(AppContext.BaseDirectory, "install-prerequisites.sh"),
            ProcessCommandRunner.Instance),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// This machine's tools, installed on first use when missing (CHROMIUM_PATH names another Chromium). When they cannot
    /// be installed, every use throws the same <see cref="InvalidOperationException"/> naming what to install.
    /// </summary>
    public static BrowserTools Tools => MachineTools.Value;

    /// <summary>Finds <paramref name="chromium"/> (a name or a path) and certutil, running the install script when either is missing.</summary>
    internal static BrowserTools Ensure(ExecutableSearch search, string chromium, string installScript, ICommandRunner runner) =>
        PrerequisiteStep.Ensure(
            () => search.Find(chromium) is { } chromiumPath && search.Find("certutil") is { } certutilPath
                ? new BrowserTools(chromiumPath, certutilPath, runner)
                : null,
            installScript,
            Needs,
            runner);
}
