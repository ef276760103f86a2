using HybridSpa.EndToEnd.Tests.Harness;
using static HybridSpa.EndToEnd.Tests.Harness.DefaultUsers;
using static HybridSpa.EndToEnd.Tests.Harness.JourneySteps;

namespace HybridSpa.EndToEnd.Tests;

/// <summary>When the SPA code cannot be used, the fallbacks bring the same user back signed in, with no account picker.</summary>
public sealed class FallbackJourneyTests(HybridSpaDeployment stack) : IClassFixture<HybridSpaDeployment>
{
    [Fact]
    public async Task A_spa_code_redeemed_out_of_band_brings_the_same_user_back_through_the_servers_top_level_round_trip()
    {
        await using var browser = await LaunchBrowserAsync();
        await browser.RunAsync(async () =>
        {
            await OpenSignInPageAsync(browser, stack);
            var spent = await SpaCodeInterception.BeforeNextCodeRedemptionAsync(browser.Page, stack, code => SpaCodeInterception.RedeemOutOfBandAsync(stack, code));
            browser.ClearRecording();
            await ChooseUserAsync(browser, Adele);

            // Never clicked again: a picker or a sign-in page would stop the journey here.
            await ProfileHeading(browser, Adele).WaitForAsync();
            StaleCodeFallback.AssertSameUserCameBackAtTopLevel(browser, stack, await spent);
        });
    }

    [Fact]
    public async Task A_personal_account_gets_no_spa_code_and_the_spa_signs_in_by_redirect_as_the_same_user()
    {
        await using var browser = await LaunchBrowserAsync();
        await browser.RunAsync(async () =>
        {
            await SignInAsync(browser, stack, Megan);

            var afterSignIn = AfterServerSignIn(browser);
            var spaAuthorize = Assert.Single(afterSignIn, r => r.IsTo(stack.Emulator.BaseAddress) && r.Url.AbsolutePath.EndsWith("/oauth2/v2.0/authorize", StringComparison.Ordinal));
            Assert.Equal(stack.AppOrigin.AbsoluteUri, Parameter(spaAuthorize, "redirect_uri"));
            Assert.False(string.IsNullOrEmpty(Parameter(spaAuthorize, "login_hint")));
            var token = Assert.Single(afterSignIn, r => r.IsTo(stack.Emulator.BaseAddress) && r.Url.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal) && r.Method == "POST");
            Assert.False(string.IsNullOrEmpty(Parameter(token, "code_verifier")));
            Assert.Null(await RenderedSpaCodeAsync(browser));
            Assert.Equal(0, browser.FramesAttached);
        });
    }
}
