namespace HybridSpa.Tests.Prerequisites;

/// <summary>
/// The one way a test project gets its external tools: look for them; when any is missing, run the project's install
/// script once (as root on Debian it installs the packages; elsewhere it prints what to install and fails) and look again;
/// when they are still missing, throw a <see cref="MissingPrerequisiteException"/> that says what to install.
/// </summary>
internal static class PrerequisiteStep
{
    /// <summary>
    /// Returns what <paramref name="find"/> finds, installing through <paramref name="installScript"/> first when it finds
    /// nothing. <paramref name="needs"/> names each tool and its Debian package, for the message.
    /// </summary>
    public static T Ensure<T>(Func<T?> find, string installScript, string needs, ICommandRunner runner)
        where T : class
    {
        if (find() is { } present)
        {
            return present;
        }

        var install = runner.Run("bash", [installScript]);
        if (install.ExitCode == 0 && find() is { } installed)
        {
            return installed;
        }

        var outcome = install.ExitCode == 0
            ? $"{installScript} succeeded, but they are still not found"
            : $"{installScript} could not install them (exit code {install.ExitCode})";
        throw new MissingPrerequisiteException($"{needs}. {outcome}:{Environment.NewLine}{install.Output.Trim()}");
    }
}
