namespace HybridSpa.Tests.Prerequisites.Testing;

/// <summary>A temporary folder to lay out fake tools in, for the prerequisite tests; deleted on dispose.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("hybridspa-prerequisites-").FullName;

    /// <summary>Writes an executable shell script named <paramref name="name"/> and returns its path.</summary>
    public string Executable(string name)
    {
        var path = System.IO.Path.Combine(Path, name);
        MakeExecutable(path);
        return path;
    }

    /// <summary>Writes a shell script that does nothing at <paramref name="path"/>, with its execute bit set.</summary>
    public static void MakeExecutable(string path)
    {
        File.WriteAllText(path, "#!/bin/sh\nexit 0\n");
        // These tests run where the tools they stand in for do, on Linux; the guard only tells the analyzer so.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
