using Microsoft.Extensions.DependencyInjection;

namespace HybridSpa.EndToEnd.Tests.Harness;

/// <summary>
/// The app runs on the emulator's clock, so moving time (<see cref="TimeTravel"/>) ages tokens, cookies and sessions on
/// both servers alike — as hours passing would.
/// </summary>
public sealed class SharedClockDeployment : HybridSpaDeployment
{
    /// <summary>Registers the emulator's clock as the app's <see cref="TimeProvider"/>.</summary>
    public SharedClockDeployment()
    {
        ConfigureAppServices = services => services.AddSingleton<TimeProvider>(Emulator.Clock);

        // These journeys follow the SPA's own tokens across a day and more, with the app's cookie sliding all along; the
        // server's 12-hour absolute lifetime would end that sign-in first (the web tests hold that limit).
        AppSettings = new Dictionary<string, string?> { ["SignIn:AbsoluteLifetime"] = "2.00:00:00" };
    }
}
