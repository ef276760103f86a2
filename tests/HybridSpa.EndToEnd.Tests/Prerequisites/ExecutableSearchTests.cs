using HybridSpa.Tests.Prerequisites;
using HybridSpa.Tests.Prerequisites.Testing;

namespace HybridSpa.EndToEnd.Tests.Prerequisites;

/// <summary>A tool counts as present only when it can really be started.</summary>
public sealed class ExecutableSearchTests : IDisposable
{
    private readonly ScratchDirectory scratch = new();

    [Fact]
    public void A_bare_name_is_found_in_the_first_directory_that_has_it()
    {
        using var second = new ScratchDirectory();
        var expected = second.Executable("certutil");

        Assert.Equal(expected, new ExecutableSearch([scratch.Path, second.Path]).Find("certutil"));
    }

    [Fact]
    public void A_file_without_an_execute_bit_is_not_found()
    {
        File.WriteAllText(Path.Combine(scratch.Path, "certutil"), "not a program");

        Assert.Null(new ExecutableSearch([scratch.Path]).Find("certutil"));
    }

    [Fact]
    public void A_link_left_behind_by_a_removed_package_is_not_found()
    {
        // Like /usr/local/bin/pg_ctl -> /usr/lib/postgresql/15/bin/pg_ctl after `apt-get purge postgresql*`.
        File.CreateSymbolicLink(Path.Combine(scratch.Path, "pg_ctl"), Path.Combine(scratch.Path, "removed", "pg_ctl"));

        Assert.Null(new ExecutableSearch([scratch.Path]).Find("pg_ctl"));
    }

    [Fact]
    public void A_link_to_an_installed_program_is_found()
    {
        using var package = new ScratchDirectory();
        var link = Path.Combine(scratch.Path, "pg_ctl");
        File.CreateSymbolicLink(link, package.Executable("pg_ctl"));

        Assert.Equal(link, new ExecutableSearch([scratch.Path]).Find("pg_ctl"));
    }

    [Fact]
    public void A_path_is_taken_as_it_is_not_looked_up()
    {
        var chromium = scratch.Executable("chromium");

        Assert.Equal(chromium, new ExecutableSearch([]).Find(chromium));
        Assert.Null(new ExecutableSearch([scratch.Path]).Find(Path.Combine(scratch.Path, "missing", "chromium")));
    }

    public void Dispose() => scratch.Dispose();
}
