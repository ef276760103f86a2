using HybridSpa.Tests.Prerequisites;
using HybridSpa.Tests.Prerequisites.Testing;
using Moq;

namespace HybridSpa.Web.Tests.ScaleOut;

/// <summary>Where the scale-out tests find PostgreSQL, and what happens on a machine where it was purged or never was.</summary>
public sealed class PostgresPrerequisitesTests : IDisposable
{
    private const string Script = "/repo/ScaleOut/install-postgres.sh";
    private static readonly string[] ServerTools = ["pg_ctl", "initdb"];
    private readonly ScratchDirectory localBin = new();
    private readonly ScratchDirectory debianRoot = new();

    [Fact]
    public void After_a_purge_the_links_left_on_PATH_do_not_count_and_the_reinstalled_server_is_used()
    {
        // The image links /usr/local/bin/{pg_ctl,initdb} to /usr/lib/postgresql/15/bin; `apt-get purge postgresql*` leaves them dangling.
        var version15 = Path.Combine(debianRoot.Path, "15", "bin");
        foreach (var tool in ServerTools)
        {
            File.CreateSymbolicLink(Path.Combine(localBin.Path, tool), Path.Combine(version15, tool));
        }

        var runner = new Mock<ICommandRunner>(MockBehavior.Strict);
        runner.Setup(r => r.Run("bash", new[] { Script })).Callback(() =>
        {
            Directory.CreateDirectory(version15);
            foreach (var tool in ServerTools)
            {
                ScratchDirectory.MakeExecutable(Path.Combine(version15, tool));
            }
        }).Returns(new CommandResult(0, "installed: postgresql"));

        var binaries = PostgresPrerequisites.Ensure([localBin.Path], debianRoot.Path, Script, runner.Object);

        // Either directory now reaches the same programs; PATH comes first.
        Assert.Equal(localBin.Path, binaries);
        runner.Verify(r => r.Run("bash", new[] { Script }), Times.Once);
    }

    [Fact]
    public void Debian_s_newest_major_version_is_taken_without_installing()
    {
        foreach (var version in new[] { "9", "15", "13" })
        {
            var bin = Path.Combine(debianRoot.Path, version, "bin");
            Directory.CreateDirectory(bin);
            ScratchDirectory.MakeExecutable(Path.Combine(bin, "pg_ctl"));
            ScratchDirectory.MakeExecutable(Path.Combine(bin, "initdb"));
        }

        var binaries = PostgresPrerequisites.Ensure([localBin.Path], debianRoot.Path, Script, new Mock<ICommandRunner>(MockBehavior.Strict).Object);

        Assert.Equal(Path.Combine(debianRoot.Path, "15", "bin"), binaries);
    }

    [Fact]
    public void A_directory_with_pg_ctl_but_no_initdb_does_not_count()
    {
        localBin.Executable("pg_ctl");
        var runner = new Mock<ICommandRunner>(MockBehavior.Strict);
        runner.Setup(r => r.Run("bash", new[] { Script }))
            .Returns(new CommandResult(1, "The scale-out tests (initdb, pg_ctl) need: postgresql (Debian package names). Install them, e.g.:\n  sudo apt-get update && sudo apt-get install -y postgresql\n"));

        var failure = Assert.Throws<MissingPrerequisiteException>(
            () => PostgresPrerequisites.Ensure([localBin.Path], debianRoot.Path, Script, runner.Object));

        Assert.StartsWith(PostgresPrerequisites.Needs, failure.Message, StringComparison.Ordinal);
        Assert.Contains("sudo apt-get update && sudo apt-get install -y postgresql", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        localBin.Dispose();
        debianRoot.Dispose();
    }
}
