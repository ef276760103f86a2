using System.Diagnostics;
using System.Text;

namespace HybridSpa.EntraEmulator.Tool.Tests;

/// <summary>Runs a command to completion within a time bound, or starts one and waits for a line of its output.</summary>
public sealed class ToolProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _line = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _waitFor;

    private ToolProcess(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, string waitFor)
    {
        _waitFor = waitFor;
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Receive(e.Data);
        _process.ErrorDataReceived += (_, e) => Receive(e.Data);
        _process.Exited += (_, _) => _line.TrySetException(new InvalidOperationException($"{fileName} exited ({_process.ExitCode}) before printing '{_waitFor}':\n{Output}"));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Runs to the end; throws with the output when it fails or outlasts <paramref name="bound"/>.</summary>
    public static async Task RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan bound)
    {
        var (exitCode, output) = await CaptureAsync(fileName, arguments, workingDirectory, environment, bound);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed ({exitCode}):\n{output}");
        }
    }

    /// <summary>Runs to the end and returns its exit code and output (stdout and stderr); throws when it outlasts <paramref name="bound"/>.</summary>
    public static async Task<(int ExitCode, string Output)> CaptureAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan bound)
    {
        using var process = new ToolProcess(fileName, arguments, workingDirectory, environment, waitFor: "\0");
        using var timeout = new CancellationTokenSource(bound);
        try
        {
            await process._process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {bound}:\n{process.Output}");
        }

        return (process._process.ExitCode, process.Output);
    }

    /// <summary>Starts a long-running program and returns once it printed a line starting with <paramref name="waitFor"/> (that line).</summary>
    public static async Task<(ToolProcess Process, string Line)> StartAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, string waitFor, TimeSpan bound)
    {
        var process = new ToolProcess(fileName, arguments, workingDirectory, environment, waitFor);
        try
        {
            return (process, await process._line.Task.WaitAsync(bound));
        }
        catch (TimeoutException)
        {
            var output = process.Output;
            process.Dispose();
            throw new TimeoutException($"{fileName} did not print '{waitFor}' within {bound}:\n{output}");
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.StartsWith(_waitFor, StringComparison.Ordinal))
        {
            _line.TrySetResult(line);
        }
    }
}
