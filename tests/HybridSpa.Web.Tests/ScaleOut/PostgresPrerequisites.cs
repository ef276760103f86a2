using System.Globalization;
using HybridSpa.Tests.Prerequisites;

namespace HybridSpa.Web.Tests.ScaleOut;

/// <summary>
/// The scale-out tests' prerequisite step: a directory with PostgreSQL's initdb and pg_ctl, found once per run, installed
/// first by <c>ScaleOut/install-postgres.sh</c> when missing. Debian keeps them off PATH, one directory per major version
/// under <c>/usr/lib/postgresql</c>; the newest is taken.
/// </summary>
internal static class PostgresPrerequisites
{
    /// <summary>The Debian package, for the message when it cannot be installed.</summary>
    internal const string Needs = "The scale-out tests need PostgreSQL's initdb and pg_ctl (Debian package postgresql, or a PostgreSQL bin directory on PATH)";

    private static readonly Lazy<string> MachineBinaries = new(
        () => Ensure(
            ExecutableSearch.OnPath().Directories,
            "/usr/lib/postgresql",
            Path.Combine(AppContext.BaseDirectory, "ScaleOut", "install-postgres.sh"),
            ProcessCommandRunner.Instance),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// This machine's PostgreSQL bin directory, installed on first use when missing. When it cannot be installed, every use
    /// throws the same <see cref="InvalidOperationException"/> naming what to install.
    /// </summary>
    public static string BinDirectory => MachineBinaries.Value;

    /// <summary>
    /// The first of <paramref name="path"/>, then <paramref name="debianRoot"/>'s version directories (newest first), that
    /// holds both tools, running the install script when none does.
    /// </summary>
    internal static string Ensure(IReadOnlyList<string> path, string debianRoot, string installScript, ICommandRunner runner) =>
        PrerequisiteStep.Ensure(() => Find(path, debianRoot), installScript, Needs, runner);

    private static string? Find(IReadOnlyList<string> path, string debianRoot)
    {
        // Listed at each look: the version directory appears only once the package is installed.
        var debian = Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot)
                .OrderByDescending(version => int.TryParse(Path.GetFileName(version), NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : 0)
                .Select(version => Path.Combine(version, "bin"))
            : [];
        var search = new ExecutableSearch([.. path, .. debian]);
        return search.Directories.FirstOrDefault(directory =>
            search.Find(Path.Combine(directory, "pg_ctl")) is not null && search.Find(Path.Combine(directory, "initdb")) is not null);
    }
}
