using HybridSpa.EndToEnd.Tests.Browser;

namespace HybridSpa.EndToEnd.Tests.Harness;

/// <summary>One clock for the browser, the app and the emulator, moved forward together.</summary>
public static class TimeTravel
{
    /// <summary>Sets the browser's clock to the emulator's time; call before the first navigation.</summary>
    public static Task SynchronizeAsync(BrowserSession browser, SharedClockDeployment stack) =>
        browser.Context.Clock.InstallAsync(new() { TimeDate = stack.Emulator.Clock.GetUtcNow().UtcDateTime });

    /// <summary>Moves every clock forward by <paramref name="duration"/>.</summary>
    public static async Task AdvanceAsync(BrowserSession browser, SharedClockDeployment stack, TimeSpan duration)
    {
        stack.Emulator.Clock.Advance(duration);
        await browser.Context.Clock.FastForwardAsync((long)duration.TotalMilliseconds);
    }
}
