using Microsoft.Extensions.Logging;

namespace HybridSpa.EntraEmulator.Hosting;

/// <summary>The emulator's log messages, with stable event ids.</summary>
internal static partial class EmulatorLog
{
    [LoggerMessage(1, LogLevel.Information, "Entra ID emulator listening on {BaseAddress} (tenant {TenantId}, environment {Environment})")]
    public static partial void Started(ILogger logger, Uri baseAddress, string tenantId, string environment);

    [LoggerMessage(2, LogLevel.Information, "TLS: using {Description}")]
    public static partial void TlsCertificate(ILogger logger, string description);

    [LoggerMessage(3, LogLevel.Error, "Unhandled exception for {Method} {Path}")]
    public static partial void UnhandledException(ILogger logger, string method, PathString path, Exception exception);
}
