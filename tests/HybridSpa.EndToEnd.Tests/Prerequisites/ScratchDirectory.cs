namespace HybridSpa.EndToEnd.Tests.Prerequisites;

/// <summary>A temporary folder to lay out fake tools in; deleted on dispose.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("hybridspa-prerequisites-").FullName;

    /// <summary>Writes an executable shell script named <paramref name="name"/> and returns its path.</summary>
    public string Executable(string name, string body = "exit 0")
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        // These tests run where the browser tests do, on Linux; the guard only tells the analyzer so.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
