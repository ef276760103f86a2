using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HybridSpa.EndToEnd.Tests.Browser;
using HybridSpa.Tests.Prerequisites;
using HybridSpa.Tests.Prerequisites.Testing;
using Moq;

namespace HybridSpa.EndToEnd.Tests.Prerequisites;

/// <summary>
/// The browser tests' prerequisite step on machines this one is not: one without Chromium and certutil where the install
/// script installs them, and one without apt-get where the real script says what to install.
/// </summary>
public sealed class BrowserPrerequisitesTests : IDisposable
{
    private static readonly string InstallScript = Path.Combine(AppContext.BaseDirectory, "install-prerequisites.sh");
    private readonly ScratchDirectory bin = new();

    [Fact]
    public void Missing_chromium_and_certutil_are_installed_by_the_script_then_used_from_where_it_put_them()
    {
        var runner = new Mock<ICommandRunner>(MockBehavior.Strict);
        runner.Setup(r => r.Run("bash", new[] { InstallScript })).Callback(() =>
        {
            bin.Executable("chromium");
            bin.Executable("certutil");
        }).Returns(new CommandResult(0, "installed: chromium libnss3-tools"));

        var tools = BrowserPrerequisites.Ensure(new ExecutableSearch([bin.Path]), "chromium", InstallScript, runner.Object);

        Assert.Equal(Path.Combine(bin.Path, "chromium"), tools.ChromiumExecutable);
        runner.Verify(r => r.Run("bash", new[] { InstallScript }), Times.Once);
    }

    [Fact]
    public void A_profile_runs_the_certutil_the_prerequisite_step_found()
    {
        var certutil = bin.Executable("certutil");
        bin.Executable("chromium");
        var runner = new Mock<ICommandRunner>(MockBehavior.Strict);
        runner.Setup(r => r.Run(certutil, It.IsAny<IReadOnlyList<string>>())).Returns(new CommandResult(0, string.Empty));
        using var key = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));

        var tools = BrowserPrerequisites.Ensure(new ExecutableSearch([bin.Path]), "chromium", InstallScript, runner.Object);
        using var profile = BrowserProfile.Create(tools, certificate, ThirdPartyCookies.Blocked);

        // Making the NSS database and trusting the certificate: both through the found certutil, the install script never run.
        runner.Verify(r => r.Run(certutil, It.Is<IReadOnlyList<string>>(a => a.Contains("-N"))), Times.Once);
        runner.Verify(r => r.Run(certutil, It.Is<IReadOnlyList<string>>(a => a.Contains("-A") && a.Contains("P,,"))), Times.Once);
        runner.Verify(r => r.Run("bash", It.IsAny<IReadOnlyList<string>>()), Times.Never);
    }

    [Fact]
    public void A_configured_chromium_path_that_does_not_exist_sends_the_step_to_the_install_script()
    {
        bin.Executable("certutil");
        var runner = new Mock<ICommandRunner>(MockBehavior.Strict);
        runner.Setup(r => r.Run("bash", new[] { InstallScript })).Returns(new CommandResult(0, string.Empty));

        var failure = Assert.Throws<MissingPrerequisiteException>(
            () => BrowserPrerequisites.Ensure(new ExecutableSearch([bin.Path]), Path.Combine(bin.Path, "elsewhere", "chromium"), InstallScript, runner.Object));

        Assert.StartsWith(BrowserPrerequisites.Needs, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_apt_get_the_real_install_script_fails_and_the_message_names_both_packages()
    {
        // A machine that is not Debian: PATH holds only what the scripts themselves use, no chromium, certutil or apt-get.
        foreach (var tool in new[] { "bash", "dirname", "id" })
        {
            File.CreateSymbolicLink(Path.Combine(bin.Path, tool), ExecutableSearch.OnPath().Find(tool)!);
        }

        var runner = new Mock<ICommandRunner>(MockBehavior.Strict);
        runner.Setup(r => r.Run("bash", new[] { InstallScript }))
            .Returns(() => ProcessCommandRunner.Instance.Run("env", ["PATH=" + bin.Path, "bash", InstallScript]));

        var failure = Assert.Throws<MissingPrerequisiteException>(
            () => BrowserPrerequisites.Ensure(new ExecutableSearch([bin.Path]), "chromium", InstallScript, runner.Object));

        Assert.StartsWith(BrowserPrerequisites.Needs, failure.Message, StringComparison.Ordinal);
        Assert.Contains("sudo apt-get install -y chromium libnss3-tools", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose() => bin.Dispose();
}
