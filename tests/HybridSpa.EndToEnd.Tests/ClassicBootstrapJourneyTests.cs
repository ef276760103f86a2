using HybridSpa.EndToEnd.Tests.Browser;
using HybridSpa.EndToEnd.Tests.Harness;
using static HybridSpa.EndToEnd.Tests.Harness.DefaultUsers;
using static HybridSpa.EndToEnd.Tests.Harness.JourneySteps;

namespace HybridSpa.EndToEnd.Tests;

/// <summary>
/// The classic bootstrap in Chromium, the comparison docs/benchmarks.md measures: the same SPA, given no SPA code, signs the
/// user in a second time with ssoSilent in a hidden iframe — which needs third-party cookies — else by redirect.
/// </summary>
public sealed class ClassicBootstrapJourneyTests(ClassicBootstrapDeployment stack) : IClassFixture<ClassicBootstrapDeployment>
{
    [Fact]
    public async Task With_third_party_cookies_allowed_one_hidden_iframe_signs_in_again_without_leaving_the_page()
    {
        await using var browser = await LaunchBrowserAsync(ThirdPartyCookies.Allowed);
        await browser.RunAsync(async () =>
        {
            await SignInAsync(browser, stack, Adele);

            Assert.Contains("Hidden iframe, 1 request", await browser.Page.InnerTextAsync("body"), StringComparison.Ordinal);
            Assert.Null(await RenderedSpaCodeAsync(browser));
            Assert.Equal(1, browser.FramesAttached);
            var silent = Assert.Single(AuthorizeRequests(browser, stack), r => r.Url.Query.Contains("prompt=none", StringComparison.Ordinal));
            Assert.Contains("account%2Fsilent-callback", silent.Url.Query, StringComparison.Ordinal);
            Assert.Single(TokenRequests(browser, stack));
            Assert.Empty(browser.CspViolations);
        });
    }

    [Fact]
    public async Task With_third_party_cookies_blocked_the_iframe_fails_and_the_SPA_signs_in_by_redirect()
    {
        await using var browser = await LaunchBrowserAsync();
        await browser.RunAsync(async () =>
        {
            await SignInAsync(browser, stack, Adele);

            Assert.Contains("Redirect sign-in, 1 request", await browser.Page.InnerTextAsync("body"), StringComparison.Ordinal);
            var afterSignIn = AfterServerSignIn(browser);
            Assert.Contains(afterSignIn, r => r.IsTo(stack.Emulator.BaseAddress) && r.ResourceType == "document"
                && r.Url.AbsolutePath.EndsWith("/authorize", StringComparison.Ordinal) && !r.Url.Query.Contains("prompt=none", StringComparison.Ordinal));
            Assert.Single(TokenRequests(browser, stack));
            Assert.Empty(browser.CspViolations);
        });
    }
}
