using HybridSpa.Tests.Prerequisites;
using HybridSpa.Tests.Prerequisites.Testing;
using Moq;

namespace HybridSpa.EndToEnd.Tests.Prerequisites;

/// <summary>Find, else install once and find again, else say what to install: never a failed process start.</summary>
public sealed class PrerequisiteStepTests
{
    private const string Script = "/repo/install-tools.sh";
    private const string Needs = "The tests need frob (Debian package frobnicator)";

    [Fact]
    public void Present_tools_are_returned_without_running_the_install_script()
    {
        var runner = new Mock<ICommandRunner>(MockBehavior.Strict);

        Assert.Equal("/usr/bin/frob", PrerequisiteStep.Ensure(() => "/usr/bin/frob", Script, Needs, runner.Object));
    }

    [Fact]
    public void Missing_tools_are_installed_by_the_script_then_found()
    {
        string? installed = null;
        var runner = new Mock<ICommandRunner>(MockBehavior.Strict);
        runner.Setup(r => r.Run("bash", new[] { Script }))
            .Callback(() => installed = "/usr/bin/frob")
            .Returns(new CommandResult(0, "installed: frobnicator"));

        Assert.Equal("/usr/bin/frob", PrerequisiteStep.Ensure(() => installed, Script, Needs, runner.Object));
        runner.Verify(r => r.Run("bash", new[] { Script }), Times.Once);
    }

    [Fact]
    public void When_the_script_cannot_install_the_message_names_the_packages_and_carries_the_scripts_advice()
    {
        var runner = new Mock<ICommandRunner>(MockBehavior.Strict);
        runner.Setup(r => r.Run("bash", new[] { Script }))
            .Returns(new CommandResult(1, "The tests need: frobnicator (Debian package names). Install them, e.g.:\n  sudo apt-get install -y frobnicator\n"));

        var failure = Assert.Throws<MissingPrerequisiteException>(() => PrerequisiteStep.Ensure<string>(() => null, Script, Needs, runner.Object));

        Assert.StartsWith(Needs, failure.Message, StringComparison.Ordinal);
        Assert.Contains("could not install them (exit code 1)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("sudo apt-get install -y frobnicator", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void When_the_script_succeeds_but_the_tools_are_still_missing_the_message_says_so()
    {
        var runner = new Mock<ICommandRunner>(MockBehavior.Strict);
        runner.Setup(r => r.Run("bash", new[] { Script })).Returns(new CommandResult(0, "installed: frobnicator"));

        var failure = Assert.Throws<MissingPrerequisiteException>(() => PrerequisiteStep.Ensure<string>(() => null, Script, Needs, runner.Object));

        Assert.Contains($"{Script} succeeded, but they are still not found", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_program_that_cannot_be_started_is_reported_by_name_not_as_an_OS_error()
    {
        var failure = Assert.Throws<MissingPrerequisiteException>(
            () => ProcessCommandRunner.Instance.Run("/nonexistent/hybridspa/certutil", ["-N"]));

        Assert.Contains("Could not start /nonexistent/hybridspa/certutil", failure.Message, StringComparison.Ordinal);
    }
}
