using HybridSpa.EndToEnd.Tests.Browser;
using HybridSpa.EndToEnd.Tests.Harness;

namespace HybridSpa.EndToEnd.Tests;

/// <summary>
/// The premises every browser scenario rests on: the test certificate is trusted without ignoring
/// TLS errors, *.dev.localhost is a different site, and Chromium blocks third-party cookies by default.
/// </summary>
public sealed class BrowserHarnessTests
{
    [Fact]
    public async Task Default_profile_blocks_third_party_cookies_of_the_emulator_site()
    {
        Assert.Equal("cookie:absent", await FrameCookieStateOnSecondVisitAsync(ThirdPartyCookies.Blocked));
    }

    [Fact]
    public async Task Profile_preference_allows_third_party_cookies_for_comparisons()
    {
        Assert.Equal("cookie:present", await FrameCookieStateOnSecondVisitAsync(ThirdPartyCookies.Allowed));
    }

    private static async Task<string> FrameCookieStateOnSecondVisitAsync(ThirdPartyCookies policy)
    {
        await using var site = await CrossSiteCookieProbe.StartAsync(TestCertificate.Instance);
        await using var browser = await BrowserSession.LaunchAsync(BrowserProfile.Create(BrowserPrerequisites.Tools, TestCertificate.Instance, policy));
        var state = string.Empty;
        await browser.RunAsync(async () =>
        {
            // A navigation that succeeds proves the certificate is trusted: Playwright ignores no TLS errors here.
            await browser.Page.GotoAsync(site.TopLevelPage.ToString());
            await browser.Page.FrameLocator("iframe").Locator("#state").WaitForAsync();
            await browser.Page.ReloadAsync();
            state = await browser.Page.FrameLocator("iframe").Locator("#state").InnerTextAsync();
        });
        return state;
    }
}
