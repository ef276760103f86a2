using HybridSpa.EndToEnd.Tests.Harness;
using static HybridSpa.EndToEnd.Tests.Harness.DefaultUsers;
using static HybridSpa.EndToEnd.Tests.Harness.JourneySteps;

namespace HybridSpa.EndToEnd.Tests;

/// <summary>
/// The SPA's start-up order in Chromium: the SPA code's token request leaves before React DOM is even evaluated, and so
/// before React has rendered anything into #root — React is evaluated and renders while the request is in flight.
/// </summary>
public sealed class StartupOrderTests(HybridSpaDeployment stack) : IClassFixture<HybridSpaDeployment>
{
    /// <summary>
    /// Records, in every document: the page calling fetch for the token endpoint; React DOM's module being evaluated (it
    /// registers with the React DevTools hook as it loads, which a page may provide); #root first getting content.
    /// </summary>
    private const string RecordStartupOrder = """
        (() => {
          const order = [];
          window.__hybridspaStartupOrder = order;
          window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
            supportsFiber: true,
            inject() { order.push('React DOM evaluated'); return 1; },
            checkDCE() {},
            onCommitFiberRoot() {},
            onCommitFiberUnmount() {},
          };
          const originalFetch = window.fetch;
          window.fetch = function (input, init) {
            const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
            if (new URL(url, location.href).pathname.endsWith('/oauth2/v2.0/token')) order.push('token request');
            return originalFetch.call(this, input, init);
          };
          new MutationObserver((_, observer) => {
            const root = document.getElementById('root');
            if (root !== null && root.childElementCount > 0) {
              order.push('first render');
              observer.disconnect();
            }
          }).observe(document, { childList: true, subtree: true });
        })();
        """;

    [Fact]
    public async Task The_token_request_leaves_before_React_DOM_is_evaluated_and_renders_the_first_thing()
    {
        await using var browser = await LaunchBrowserAsync();
        await browser.Page.AddInitScriptAsync(RecordStartupOrder);
        await browser.RunAsync(async () =>
        {
            await SignInAsync(browser, stack, Adele);

            var order = await browser.Page.EvaluateAsync<string[]>("() => window.__hybridspaStartupOrder");
            Assert.Equal(["token request", "React DOM evaluated", "first render"], order);
            Assert.Single(TokenRequests(browser, stack));
        });
    }
}
