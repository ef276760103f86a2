using System.ComponentModel;
using System.Diagnostics;

namespace HybridSpa.Tests.Prerequisites;

/// <summary>Runs commands as real processes.</summary>
internal sealed class ProcessCommandRunner : ICommandRunner
{
    /// <summary>The one instance: it holds no state.</summary>
    public static ProcessCommandRunner Instance { get; } = new();

    private ProcessCommandRunner()
    {
    }

    /// <inheritdoc />
    public CommandResult Run(string fileName, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        }
        catch (Win32Exception exception)
        {
            // The prerequisite step finds every tool before it is run, so this is a tool that vanished or a missing bash:
            // say which, rather than surface the bare OS error.
            throw new MissingPrerequisiteException($"Could not start {fileName}: {exception.Message}.", exception);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return new CommandResult(process.ExitCode, stdout.Result + stderr.Result);
        }
    }
}
