using HybridSpa.EndToEnd.Tests.Browser;
using HybridSpa.EndToEnd.Tests.Harness;
using static HybridSpa.EndToEnd.Tests.Harness.DefaultUsers;
using static HybridSpa.EndToEnd.Tests.Harness.JourneySteps;

namespace HybridSpa.EndToEnd.Tests;

/// <summary>The hybrid journey in Chromium: server sign-in, one SPA token request by code, Graph, reload from cache.</summary>
public sealed class HybridJourneyTests(HybridSpaDeployment stack) : IClassFixture<HybridSpaDeployment>
{
    [Theory]
    [InlineData(ThirdPartyCookies.Allowed)]
    [InlineData(ThirdPartyCookies.Blocked)]
    public async Task Sign_in_shows_the_Graph_profile_after_exactly_one_token_request_and_no_iframe(ThirdPartyCookies cookies)
    {
        await using var browser = await LaunchBrowserAsync(cookies);
        await browser.RunAsync(async () =>
        {
            await SignInAsync(browser, stack, Adele);

            var photo = browser.Page.GetByRole(Microsoft.Playwright.AriaRole.Img, new() { Name = $"Photo of {Adele}" });
            await photo.WaitForAsync();
            Assert.True(await photo.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The Graph photo did not load.");
            Assert.Contains("SPA code, 1 request", await browser.Page.InnerTextAsync("body"), StringComparison.Ordinal);

            var afterSignIn = AfterServerSignIn(browser);
            var redemption = Assert.Single(TokenRequests(browser, stack));
            var spaCode = Parameter(redemption, "code");
            Assert.False(string.IsNullOrEmpty(spaCode));
            Assert.DoesNotContain(browser.Requests, r => r.Url.OriginalString.Contains(spaCode, StringComparison.Ordinal)
                || r.Url.OriginalString.Contains(Uri.EscapeDataString(spaCode), StringComparison.Ordinal));
            Assert.DoesNotContain(afterSignIn, r => r.IsTo(stack.Emulator.BaseAddress) && r.Url.AbsolutePath.EndsWith("/authorize", StringComparison.Ordinal));
            Assert.Equal(0, browser.FramesAttached);
            Assert.Empty(browser.CspViolations);
        });
    }

    [Fact]
    public async Task A_clean_sign_in_and_reload_log_no_console_error_on_either_origin()
    {
        await using var browser = await LaunchBrowserAsync();
        await browser.RunAsync(async () =>
        {
            await SignInAsync(browser, stack, Adele);
            await browser.Page.ReloadAsync();
            await ProfileHeading(browser, Adele).WaitForAsync();

            Assert.Empty(browser.ConsoleErrors);
        });
    }

    [Fact]
    public async Task Both_origins_answer_favicon_ico_with_an_icon()
    {
        await using var browser = await LaunchBrowserAsync();
        await browser.RunAsync(async () =>
        {
            foreach (var origin in new[] { stack.AppOrigin, stack.Emulator.BaseAddress })
            {
                var response = await browser.Page.GotoAsync(new Uri(origin, "/favicon.ico").AbsoluteUri);

                Assert.NotNull(response);
                Assert.Equal(200, response.Status);
                Assert.Equal("image/x-icon", response.Headers["content-type"]);
                // The ICO header: reserved 0, type 1 (icon).
                Assert.Equal(new byte[] { 0, 0, 1, 0 }, (await response.BodyAsync())[..4]);
            }
        });
    }

    [Fact]
    public async Task Reload_takes_tokens_from_the_MSAL_cache_and_renders_no_code()
    {
        await using var browser = await LaunchBrowserAsync();
        await browser.RunAsync(async () =>
        {
            await SignInAsync(browser, stack, Adele);
            browser.ClearRecording();

            await browser.Page.ReloadAsync();
            await ProfileHeading(browser, Adele).WaitForAsync();

            Assert.Null(await RenderedSpaCodeAsync(browser));
            Assert.Empty(TokenRequests(browser, stack));
            Assert.Empty(AuthorizeRequests(browser, stack));
            Assert.Equal(0, browser.FramesAttached);
        });
    }
}
