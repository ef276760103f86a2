using System.Diagnostics;

namespace HybridSpa.AppHost;

/// <summary>nginx and redis-server, installed by deploy/install-prerequisites.sh when missing (as root on Debian), else named.</summary>
public static class TopologyPrerequisites
{
    /// <summary>nginx's path: Debian puts it in /usr/sbin, which a user's PATH may lack.</summary>
    public static string Nginx => File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";

    /// <summary>Runs the install script; throws with its message when something is still missing.</summary>
    public static void Ensure()
    {
        var script = Path.Combine(TopologySettings.RepositoryRoot, "deploy", "install-prerequisites.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script]) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("bash could not be started.");
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed (exit code {process.ExitCode}):{Environment.NewLine}{errors.Trim()}");
        }
    }
}
