using System.Text.RegularExpressions;
using HybridSpa.EndToEnd.Tests.Browser;
using HybridSpa.EndToEnd.Tests.Harness;
using Microsoft.Playwright;
using static HybridSpa.EndToEnd.Tests.Harness.DefaultUsers;
using static HybridSpa.EndToEnd.Tests.Harness.JourneySteps;
using static HybridSpa.EndToEnd.Tests.Topology.TopologySteps;

namespace HybridSpa.EndToEnd.Tests.Topology;

/// <summary>
/// The Aspire dashboard shows a sign-in's trace as the instances exported it; its screenshot is docs/images/sign-in-trace.png
/// (refreshed with HYBRIDSPA_REFRESH_DOCS_IMAGES=1, docs/operations.md).
/// </summary>
[Collection(TopologyTestGroup.Name)]
public sealed class TopologyDashboardTests(TopologyDeployment topology)
{
    private static readonly TimeSpan ExportLimit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task The_dashboard_shows_a_Chromium_sign_in_as_one_trace_from_the_callback_through_the_token_call_to_the_hand_off()
    {
        await using var browser = await LaunchBrowserAsync(topology);
        await browser.RunAsync(async () =>
        {
            await SignInAsync(browser, topology.PublicOrigin, Adele);

            var dashboard = await browser.Context.NewPageAsync();
            await dashboard.SetViewportSizeAsync(1440, 900);
            await dashboard.GotoAsync(topology.DashboardLogin.AbsoluteUri);
            // The callback is the sign-in's only POST to an instance, the one without a route: "web-N: POST {trace id}".
            var callback = await TraceListedAsync(dashboard, new Regex(@"web-\d: POST(?! /)"));
            var traceId = Regex.Match(await callback.GetAttributeAsync("title") ?? "", "Trace Id: ([0-9a-f]{32})").Groups[1].Value;
            Assert.NotEmpty(traceId);
            await dashboard.GotoAsync(new Uri(new Uri(dashboard.Url), "/traces/detail/" + traceId).AbsoluteUri);

            // The callback's trace holds the app's own redemption step (around MSAL.NET's token request) and the hand-off's store.
            await dashboard.GetByText("hybridspa.sign_in.redeem").First.WaitForAsync();
            await dashboard.GetByText("HTTP POST 200").First.WaitForAsync();
            await dashboard.GetByText("hybridspa.hand_off.store").First.WaitForAsync();

            var screenshot = Path.Combine(TestArtifacts.Directory, "dashboard", "sign-in-trace.png");
            Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
            await dashboard.ScreenshotAsync(new() { Path = screenshot });
            DocumentationImages.RefreshIfAsked(screenshot, "sign-in-trace.png");
        });
    }

    // Readiness, not speed: the instances export in batches, so the trace list is reloaded until the trace shows.
    private static async Task<ILocator> TraceListedAsync(IPage dashboard, Regex name)
    {
        var traces = new Uri(new Uri(dashboard.Url), "/traces").AbsoluteUri;
        var deadline = DateTime.UtcNow + ExportLimit;
        while (true)
        {
            await dashboard.GotoAsync(traces);
            var trace = dashboard.Locator("td[role=gridcell][title*='Trace Id:']").Filter(new() { HasTextRegex = name }).First;
            try
            {
                await trace.WaitForAsync(new() { Timeout = 5000 });
                return trace;
            }
            catch (System.TimeoutException) when (DateTime.UtcNow < deadline)
            {
            }
        }
    }
}
