namespace HybridSpa.EntraEmulator.Tests.Support;

/// <summary>An emulator started with its HTTP control surface enabled.</summary>
public sealed class ControlSurfaceFixture : IAsyncLifetime
{
    public EntraEmulatorHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await EntraEmulatorHost.StartAsync(EntraEmulatorOptions.CreateDefault(), new EntraEmulatorHostSettings { EnvironmentName = "Development", EnableControlSurface = true });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
