using HybridSpa.EntraEmulator;

namespace HybridSpa.Web.Emulator;

/// <summary>Stops the embedded emulator when the app stops.</summary>
internal sealed class EmbeddedEmulatorLifetime(EntraEmulatorHost host) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken) => await host.DisposeAsync();
}
