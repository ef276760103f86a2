namespace HybridSpa.Tests.Prerequisites;

/// <summary>
/// Finds executables the way a shell would: a path is taken as it is, a bare name is looked up in a list of directories.
/// A file counts only when it can really be run: a symbolic link whose package was removed (a dangling link left in
/// /usr/local/bin, say) or a file without an execute bit is not found, so the install step runs instead of a failed start.
/// </summary>
internal sealed class ExecutableSearch(IReadOnlyList<string> directories)
{
    /// <summary>The directories a bare name is looked up in, in order.</summary>
    public IReadOnlyList<string> Directories { get; } = directories;

    /// <summary>PATH's directories, then <paramref name="alsoIn"/>.</summary>
    public static ExecutableSearch OnPath(params IEnumerable<string> alsoIn) =>
        new([.. (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries), .. alsoIn]);

    /// <summary>The full path of <paramref name="command"/>, or null when it is not there.</summary>
    public string? Find(string command) =>
        command.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? IsExecutable(command) ? command : null
            : Directories.Select(directory => Path.Combine(directory, command)).FirstOrDefault(IsExecutable);

    /// <summary>True when <paramref name="path"/> is, or links to, an existing file with an execute bit.</summary>
    public static bool IsExecutable(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return false;
        }

        var target = file.LinkTarget is null ? file : file.ResolveLinkTarget(returnFinalTarget: true);
        return target is FileInfo { Exists: true } resolved
            && (resolved.UnixFileMode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
    }
}
