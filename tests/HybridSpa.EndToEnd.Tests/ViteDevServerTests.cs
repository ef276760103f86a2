using HybridSpa.EndToEnd.Tests.Harness;
using Microsoft.Playwright;
using static HybridSpa.EndToEnd.Tests.Harness.DefaultUsers;
using static HybridSpa.EndToEnd.Tests.Harness.JourneySteps;

namespace HybridSpa.EndToEnd.Tests;

/// <summary>
/// The front-end developers' loop (README: the optional third command): with Spa:DevServerUrl configured and answering, the
/// host page loads React Fast Refresh's preamble, @vite/client and src/main.tsx from the dev server, and its CSP admits the
/// dev server's socket and the nonce Vite gives injected styles — only then.
/// </summary>
public sealed class ViteDevServerTests(ViteDevServerDeployment stack) : IClassFixture<ViteDevServerDeployment>
{
    [Fact]
    public async Task An_answering_dev_server_serves_the_SPA_and_only_then_does_the_CSP_admit_it()
    {
        await using var browser = await LaunchBrowserAsync();
        var hostPage = browser.Page.WaitForResponseAsync(r => r.Request.ResourceType == "document" && new Uri(r.Url).AbsolutePath == "/"
            && r.Request.Method == "GET" && r.Status == 200);
        await browser.RunAsync(async () =>
        {
            await OpenSignInPageAsync(browser, stack);
            await ChooseUserAsync(browser, Adele);
            await browser.Page.GetByText("Served by the dev server").WaitForAsync();

            var ran = await browser.Page.EvaluateAsync<string[]>("() => window.__devServerRan");
            var csp = (await (await hostPage).AllHeadersAsync())["content-security-policy"];
            var origin = stack.DevServerOrigin.GetLeftPart(UriPartial.Authority);
            Assert.Equal(["@react-refresh", "@vite/client", "src/main.tsx"], ran);
            Assert.Contains($"connect-src 'self' {stack.Emulator.BaseAddress.GetLeftPart(UriPartial.Authority)} {origin} wss://{stack.DevServerOrigin.Authority};", csp, StringComparison.Ordinal);
            Assert.Matches("style-src 'self' 'nonce-[^']+';", csp);
            Assert.Equal(0, await browser.Page.Locator("script[src^='/app/assets/']").CountAsync());
            Assert.Empty(browser.CspViolations);
        });
    }
}

/// <summary>The same configuration with the dev server not running: the built bundle, and the usual CSP.</summary>
public sealed class SilentViteDevServerTests(SilentViteDevServerDeployment stack) : IClassFixture<SilentViteDevServerDeployment>
{
    [Fact]
    public async Task Without_an_answering_dev_server_the_page_loads_the_built_bundle_under_the_usual_CSP()
    {
        await using var browser = await LaunchBrowserAsync();
        var hostPage = browser.Page.WaitForResponseAsync(r => r.Request.ResourceType == "document" && new Uri(r.Url).AbsolutePath == "/"
            && r.Request.Method == "GET" && r.Status == 200);
        await browser.RunAsync(async () =>
        {
            await SignInAsync(browser, stack, Adele);

            var csp = (await (await hostPage).AllHeadersAsync())["content-security-policy"];
            Assert.DoesNotContain(stack.DevServerOrigin.Authority, csp, StringComparison.Ordinal);
            Assert.Contains("style-src 'self';", csp, StringComparison.Ordinal);
            Assert.Equal(1, await browser.Page.Locator("script[type=module][src^='/app/assets/']").CountAsync());
            Assert.Empty(browser.CspViolations);
        });
    }
}
