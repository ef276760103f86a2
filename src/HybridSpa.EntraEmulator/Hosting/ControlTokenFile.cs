namespace HybridSpa.EntraEmulator.Hosting;

/// <summary>Writes the control surface's token to a file only the current user can read (0600), for scripts that start the tool.</summary>
internal static class ControlTokenFile
{
    public static void Write(string path, string token)
    {
        // Created anew, so the mode applies even when an older file with looser permissions was there.
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, options);
        writer.Write(token);
    }
}
