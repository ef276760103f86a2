using HybridSpa.EntraEmulator.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace HybridSpa.EntraEmulator;

// Runs the emulator on its own (`dotnet run --project src/HybridSpa.EntraEmulator`, or the `entra-emulator` .NET tool):
// https://login.dev.localhost:5443, options from the "EntraEmulator" section of appsettings.json (next to the program) or of
// the file given with --config; the defaults of docs/architecture.md otherwise. Command-line options win over both.
// A namespaced entry point: the web app references this project and has a top-level Program of its own.
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var commandLine = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        var builder = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true);
        if (commandLine["config"] is { Length: > 0 } configPath)
        {
            builder.AddJsonFile(Path.GetFullPath(configPath), optional: false);
        }

        var configuration = builder.AddConfiguration(commandLine).Build();
        try
        {
            var settings = new EntraEmulatorHostSettings
            {
                Host = configuration["Host"] ?? DevelopmentDefaults.Host,
                Port = int.TryParse(configuration["Port"], out var port) ? port : DevelopmentDefaults.Port,
                EnableControlSurface = bool.TryParse(configuration["EnableControlSurface"], out var control) && control,
                TlsCertificate = configuration["TlsCertificate"] is { Length: > 0 } certificatePath
                    ? CertificateFiles.Load(certificatePath, configuration["TlsCertificateKey"], configuration["TlsCertificatePassword"])
                    : null,
                ConfigureLogging = logging => logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Information).AddFilter("Microsoft.AspNetCore", LogLevel.Warning),
            };
            await using var host = await EntraEmulatorHost.StartAsync(EntraEmulatorOptions.FromConfiguration(configuration), settings).ConfigureAwait(false);
            if (configuration["ExportCertificate"] is { Length: > 0 } exportPath)
            {
                CertificateFiles.ExportPem(host.TlsCertificate, exportPath);
                Console.WriteLine($"Certificate: {Path.GetFullPath(exportPath)}");
            }

            Console.WriteLine($"Authority:  {host.Authority}");
            Console.WriteLine($"Graph:      {host.GraphBaseUrl}");
            if (settings.EnableControlSurface)
            {
                Console.WriteLine($"Control:    {host.BaseAddress}emulator/ (loopback only)");
            }

            Console.WriteLine("Press Ctrl+C to stop.");
            await host.WaitForShutdownAsync().ConfigureAwait(false);
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.Security.Cryptography.CryptographicException or InvalidDataException)
        {
            // Bad configuration, a port in use or an unreadable certificate: one clear line, not a stack trace.
            await Console.Error.WriteLineAsync("entra-emulator: " + e.Message).ConfigureAwait(false);
            return 1;
        }
    }
}
