using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace HybridSpa.EntraEmulator;

/// <summary>Where and how <see cref="EntraEmulatorHost"/> listens.</summary>
public sealed class EntraEmulatorHostSettings
{
    /// <summary>The host name in the emulator's URLs (issuer, endpoints); Kestrel itself binds loopback only.</summary>
    public string Host { get; set; } = DevelopmentDefaults.Host;

    /// <summary>The port; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The TLS certificate; null uses the ASP.NET Core development certificate when it covers <see cref="Host"/>, else a self-signed one generated in memory.</summary>
    public X509Certificate2? TlsCertificate { get; set; }

    /// <summary>The hosting environment name; null reads DOTNET_ENVIRONMENT / ASPNETCORE_ENVIRONMENT, then "Development". "Production" is refused.</summary>
    public string? EnvironmentName { get; set; }

    /// <summary>Configures the emulator's logging; by default it logs nothing.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    /// <summary>
    /// Serves the HTTP control surface under <c>/emulator/</c> (clock, users, app registrations, sessions, reset) for tests that run the
    /// emulator out of process. Loopback callers only; starting with it outside the Development environment is refused.
    /// </summary>
    public bool EnableControlSurface { get; set; }

    /// <summary>
    /// The bearer token every control-surface call must carry; null generates one at start (see <see cref="EntraEmulatorHost.ControlSurfaceToken"/>).
    /// At least 16 characters.
    /// </summary>
    public string? ControlSurfaceToken { get; set; }

    /// <summary>The time source beneath <see cref="EntraEmulatorHost.Clock"/>; null is the system clock.</summary>
    public TimeProvider? TimeProvider { get; set; }
}
