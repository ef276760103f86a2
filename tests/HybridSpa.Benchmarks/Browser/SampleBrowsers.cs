using HybridSpa.EndToEnd.Tests.Browser;
using HybridSpa.EndToEnd.Tests.Harness;

namespace HybridSpa.Benchmarks.Browser;

/// <summary>
/// How every sample of item 1 gets its browser: a fresh Chromium profile, optionally throttled, that is left alone for
/// <see cref="Settle"/> once its first page has loaded and before the measured steps. A freshly launched Chromium spends
/// about 1.2 s of CPU over its first second on its own start-up (profile, NSS database, components), on both of this
/// machine's cores; clicked at once, that work lands inside the measured window. A user's browser has been running for
/// longer than that when they pick their account on the sign-in page.
/// </summary>
internal sealed record SampleBrowsers(BrowserTools Tools, TimeSpan Settle)
{
    /// <summary>Launches Chromium on a new profile with the given cookie policy and, when given, network conditions.</summary>
    public async Task<BrowserSession> LaunchAsync(ThirdPartyCookies cookies, NetworkConditions? network = null)
    {
        var browser = await BrowserSession.LaunchAsync(BrowserProfile.Create(Tools, TestCertificate.Instance, cookies)).ConfigureAwait(false);
        try
        {
            if (network is not null)
            {
                await network.ApplyAsync(browser.Context, browser.Page).ConfigureAwait(false);
            }

            return browser;
        }
        catch
        {
            await browser.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Waits out the browser's own start-up: call it once the first page has loaded.</summary>
    public Task SettleAsync() => Task.Delay(Settle);
}
