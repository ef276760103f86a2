using HybridSpa.EntraEmulator.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace HybridSpa.EntraEmulator;

// Runs the emulator on its own (`dotnet run --project src/HybridSpa.EntraEmulator`, or the `entra-emulator` .NET tool):
// https://localhost:5443, options from the "EntraEmulator" section of appsettings.json (next to the program) or of
// the file given with --config; the defaults of docs/architecture.md otherwise. Command-line options win over both.
// A namespaced entry point: the web app references this project and has a top-level Program of its own.
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (EmulatorCommandLine.AsksForHelp(args))
        {
            Console.WriteLine(EmulatorCommandLine.Usage());
            return 0;
        }

        if (EmulatorCommandLine.FindUnknown(args) is { } unknown)
        {
            await Console.Error.WriteLineAsync($"entra-emulator: unknown option '{unknown}'. Known options: "
                + string.Join(", ", EmulatorCommandLine.Options.Select(o => "--" + o.Name)) + ", --EntraEmulator:<Name>, --help.").ConfigureAwait(false);
            return 2;
        }

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
                Host = configuration["Host"] ?? DevelopmentDefaults.ProgramHost,
                Port = int.TryParse(configuration["Port"], out var port) ? port : DevelopmentDefaults.Port,
                EnableControlSurface = bool.TryParse(configuration["EnableControlSurface"], out var control) && control,
                ControlSurfaceToken = configuration["ControlSurfaceToken"] is { Length: > 0 } token ? token : null,
                TlsCertificate = configuration["TlsCertificate"] is { Length: > 0 } certificatePath
                    ? CertificateFiles.Load(certificatePath, configuration["TlsCertificateKey"], configuration["TlsCertificatePassword"])
                    : null,
                ConfigureLogging = logging => logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Information).AddFilter("Microsoft.AspNetCore", LogLevel.Warning),
            };
            await using var host = await EntraEmulatorHost.StartAsync(EntraEmulatorOptions.FromConfiguration(configuration), settings).ConfigureAwait(false);
            var exportPath = configuration["ExportCertificate"] is { Length: > 0 } export ? Path.GetFullPath(export) : null;
            if (exportPath is not null)
            {
                CertificateFiles.ExportPem(host.TlsCertificate, exportPath);
            }

            string? tokenPath = null;
            if (host.ControlSurfaceToken is { } controlToken)
            {
                tokenPath = Path.GetFullPath(configuration["ControlSurfaceTokenFile"] is { Length: > 0 } tokenFile ? tokenFile : EmulatorCommandLine.DefaultTokenFile);
                ControlTokenFile.Write(tokenPath, controlToken);
            }

            StartBanner.Write(Console.Out, host, exportPath, tokenPath);
            await host.WaitForShutdownAsync().ConfigureAwait(false);
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or InvalidDataException)
        {
            // Bad configuration, a port in use or an unreadable certificate: one clear line, not a stack trace.
            await Console.Error.WriteLineAsync("entra-emulator: " + e.Message).ConfigureAwait(false);
            return 1;
        }
    }
}
