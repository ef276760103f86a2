using System.Net;
using static HybridSpa.EndToEnd.Tests.Harness.DefaultUsers;
using static HybridSpa.EndToEnd.Tests.Harness.JourneySteps;
using static HybridSpa.EndToEnd.Tests.Topology.TopologyDeployment;
using static HybridSpa.EndToEnd.Tests.Topology.TopologySteps;

namespace HybridSpa.EndToEnd.Tests.Topology;

/// <summary>Redis stopped under a signed-in user: the 503 page through nginx, then recovery with the sign-in intact.</summary>
[Collection(TopologyTestGroup.Name)]
public sealed class TopologySharedStoreOutageTests(TopologyDeployment topology)
{
    [Fact]
    public async Task Redis_down_answers_the_503_page_and_once_it_is_back_the_user_is_still_signed_in()
    {
        await using var browser = await LaunchBrowserAsync(topology);
        await browser.RunAsync(async () =>
        {
            await SignInAsync(browser, topology.PublicOrigin, Adele);
            browser.ClearRecording();

            await topology.StopAsync(Redis);
            try
            {
                var down = await browser.Page.GotoAsync(topology.PublicOrigin.AbsoluteUri);
                Assert.NotNull(down);
                Assert.Equal((int)HttpStatusCode.ServiceUnavailable, down.Status);
                Assert.True(down.Headers.ContainsKey("retry-after"), "The 503 page has no Retry-After.");
                var page = await browser.Page.InnerTextAsync("body");
                Assert.Contains("Temporarily unavailable", page, StringComparison.Ordinal);
                Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);
                Assert.DoesNotContain("RedisConnection", page, StringComparison.Ordinal);
            }
            finally
            {
                await topology.StartAsync(Redis);
            }

            await topology.WaitUntilServingAsync(Instance1);
            await topology.WaitUntilServingAsync(Instance2);
            await ReloadSignedInAsync(browser, topology, Adele);
            await OpenServerProfileAsync(browser, topology, Adele);
            Assert.Empty(AuthorizeRequests(browser, topology.EmulatorOrigin));
        });
    }
}
