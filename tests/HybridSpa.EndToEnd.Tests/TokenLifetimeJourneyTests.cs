using HybridSpa.EndToEnd.Tests.Harness;
using static HybridSpa.EndToEnd.Tests.Harness.DefaultUsers;
using static HybridSpa.EndToEnd.Tests.Harness.JourneySteps;

namespace HybridSpa.EndToEnd.Tests;

/// <summary>Hours pass (every clock moved together): the SPA renews its tokens without an iframe, with third-party cookies blocked.</summary>
public sealed class TokenLifetimeJourneyTests(SharedClockDeployment stack) : IClassFixture<SharedClockDeployment>
{
    [Fact]
    public async Task A_spa_code_that_expired_before_the_SPA_redeemed_it_brings_the_same_user_back_through_the_servers_top_level_round_trip()
    {
        await using var browser = await LaunchBrowserAsync();
        await browser.RunAsync(async () =>
        {
            await TimeTravel.SynchronizeAsync(browser, stack);
            await OpenSignInPageAsync(browser, stack);
            var expired = await SpaCodeInterception.BeforeNextCodeRedemptionAsync(browser.Page, stack, _ => TimeTravel.AdvanceAsync(browser, stack, TimeSpan.FromMinutes(11)));
            browser.ClearRecording();
            await ChooseUserAsync(browser, Adele);

            await ProfileHeading(browser, Adele).WaitForAsync();
            StaleCodeFallback.AssertSameUserCameBackAtTopLevel(browser, stack, await expired);
        });
    }

    [Fact]
    public async Task An_expired_access_token_is_renewed_with_the_SPA_refresh_token_in_one_request()
    {
        await using var browser = await LaunchBrowserAsync();
        await browser.RunAsync(async () =>
        {
            await TimeTravel.SynchronizeAsync(browser, stack);
            await SignInAsync(browser, stack, Adele);

            await TimeTravel.AdvanceAsync(browser, stack, TimeSpan.FromHours(2));
            browser.ClearRecording();
            await browser.Page.ReloadAsync();
            await ProfileHeading(browser, Adele).WaitForAsync();

            var renewal = Assert.Single(TokenRequests(browser, stack));
            Assert.Equal("refresh_token", Parameter(renewal, "grant_type"));
            Assert.Empty(AuthorizeRequests(browser, stack));
            Assert.NotEmpty(GraphRequests(browser, stack));
            Assert.Equal(0, browser.FramesAttached);
        });
    }

    [Fact]
    public async Task A_SPA_refresh_token_past_24_hours_is_replaced_by_a_fresh_spa_code_from_a_top_level_round_trip()
    {
        await using var browser = await LaunchBrowserAsync();
        await browser.RunAsync(async () =>
        {
            await TimeTravel.SynchronizeAsync(browser, stack);
            await SignInAsync(browser, stack, Adele);

            // A working day and then some: each visit renews with the refresh token and keeps the app's cookie sliding.
            for (var visit = 1; visit <= 3; visit++)
            {
                await TimeTravel.AdvanceAsync(browser, stack, TimeSpan.FromHours(7));
                browser.ClearRecording();
                await browser.Page.ReloadAsync();
                await ProfileHeading(browser, Adele).WaitForAsync();
                Assert.Equal("refresh_token", Parameter(Assert.Single(TokenRequests(browser, stack)), "grant_type"));
            }

            // 25 h after sign-in the SPA refresh token is spent: the server fetches a new SPA code at top level.
            await TimeTravel.AdvanceAsync(browser, stack, TimeSpan.FromHours(4));
            browser.ClearRecording();
            await browser.Page.ReloadAsync();
            await ProfileHeading(browser, Adele).WaitForAsync();

            Assert.Contains(browser.Requests, r => r.IsTo(stack.AppOrigin) && r.Url.AbsolutePath == "/account/spa-code" && r.ResourceType == "document");
            var authorize = Assert.Single(AuthorizeRequests(browser, stack));
            Assert.Equal("none", Parameter(authorize, "prompt"));
            var tokens = TokenRequests(browser, stack);
            Assert.Equal("authorization_code", Parameter(tokens[^1], "grant_type"));
            Assert.Null(Parameter(tokens[^1], "code_verifier"));
            Assert.All(tokens.SkipLast(1), t => Assert.Equal("refresh_token", Parameter(t, "grant_type")));
            Assert.Equal(0, browser.FramesAttached);
        });
    }
}
