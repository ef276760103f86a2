using HybridSpa.EntraEmulator;
using HybridSpa.Web.Tests.Infrastructure;

namespace HybridSpa.Web.Tests.Integration;

/// <summary>A test class's own emulator and web app, whose log it keeps (see <see cref="LogCapture"/>).</summary>
public abstract class LoggedEmulatorApp(bool logLevelsAsShipped) : IAsyncLifetime, IAsyncDisposable
{
    protected LogCapture Logs { get; } = new();

    protected EntraEmulatorHost Emulator { get; private set; } = null!;

    protected EmulatorWebFactory Web { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await EmulatorWebFixture.StartEmulatorAsync(EntraEmulatorOptions.CreateDefault());
        Web = new EmulatorWebFactory(Emulator) { Logs = Logs, LogLevelsAsShipped = logLevelsAsShipped };
    }

    public async Task DisposeAsync()
    {
        await Web.DisposeAsync();
        await Emulator.DisposeAsync();
        Logs.Dispose();
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
