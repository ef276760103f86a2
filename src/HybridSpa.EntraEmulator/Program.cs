using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace HybridSpa.EntraEmulator;

// Runs the emulator on its own: https://login.dev.localhost:5443, options from the "EntraEmulator" section of
// appsettings.json (next to the program) or of the file given with --config; the defaults of docs/architecture.md otherwise.
// A namespaced entry point: the web app references this project and has a top-level Program of its own.
internal static class Program
{
    private static async Task Main(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        if (configuration["config"] is { Length: > 0 } configPath)
        {
            configuration = new ConfigurationBuilder().AddConfiguration(configuration).AddJsonFile(Path.GetFullPath(configPath), optional: false).Build();
        }

        var options = EntraEmulatorOptions.FromConfiguration(configuration);

        var settings = new EntraEmulatorHostSettings
        {
            Host = configuration["Host"] ?? DevelopmentDefaults.Host,
            Port = int.TryParse(configuration["Port"], out var port) ? port : DevelopmentDefaults.Port,
            EnableControlSurface = bool.TryParse(configuration["EnableControlSurface"], out var control) && control,
            ConfigureLogging = logging => logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Information).AddFilter("Microsoft.AspNetCore", LogLevel.Warning),
        };
        await using var host = await EntraEmulatorHost.StartAsync(options, settings).ConfigureAwait(false);
        Console.WriteLine($"Authority:  {host.Authority}");
        Console.WriteLine($"Graph:      {host.GraphBaseUrl}");
        if (settings.EnableControlSurface)
        {
            Console.WriteLine($"Control:    {host.BaseAddress}emulator/ (loopback only)");
        }

        Console.WriteLine("Press Ctrl+C to stop.");
        await host.WaitForShutdownAsync().ConfigureAwait(false);
    }
}
