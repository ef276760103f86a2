using static HybridSpa.EndToEnd.Tests.Harness.DefaultUsers;
using static HybridSpa.EndToEnd.Tests.Harness.JourneySteps;
using static HybridSpa.EndToEnd.Tests.Topology.TopologyDeployment;
using static HybridSpa.EndToEnd.Tests.Topology.TopologySteps;

namespace HybridSpa.EndToEnd.Tests.Topology;

/// <summary>Instances stopped and started under a signed-in user, as a rolling deployment does it.</summary>
[Collection(TopologyTestGroup.Name)]
public sealed class TopologyRollingRestartTests(TopologyDeployment topology)
{
    [Fact]
    public async Task A_rolling_restart_loses_no_sign_in_and_fails_no_request()
    {
        await using var browser = await LaunchBrowserAsync(topology);
        var serverErrors = RecordServerErrors(browser, topology);
        await browser.RunAsync(async () =>
        {
            await SignInAsync(browser, topology.PublicOrigin, Adele);
            browser.ClearRecording();

            foreach (var (stopped, other) in new[] { (Instance1, Instance2), (Instance2, Instance1) })
            {
                await topology.StopAsync(stopped);
                try
                {
                    var before = (await topology.AccessLogLinesAsync()).Count;
                    await ReloadSignedInAsync(browser, topology, Adele);
                    await OpenServerProfileAsync(browser, topology, Adele);
                    await ReloadSignedInAsync(browser, topology, Adele);

                    // The other instance answered all of it, from the state the stopped one shared.
                    var pages = await AccessLogLinesAsync(topology, before, "GET", "/");
                    Assert.NotEmpty(pages);
                    Assert.All(pages, line => Assert.Equal(topology.UpstreamOf(other), AnsweredBy(line)));
                }
                finally
                {
                    await topology.StartAsync(stopped);
                }
            }

            await ReloadSignedInAsync(browser, topology, Adele);
            // Signed in throughout: no trip to the identity provider, no status a user would see as a failure.
            Assert.Empty(AuthorizeRequests(browser, topology.EmulatorOrigin));
            Assert.Empty(TokenRequests(browser, topology.EmulatorOrigin));
            Assert.Empty(serverErrors);
        });
    }

    [Fact]
    public async Task The_callback_on_one_instance_and_the_host_page_on_the_other_hand_the_SPA_code_over_exactly_once()
    {
        await using var browser = await LaunchBrowserAsync(topology);
        var running = new HashSet<string> { Instance1, Instance2 };
        await topology.StopAsync(Instance2);
        running.Remove(Instance2);
        try
        {
            await browser.RunAsync(async () =>
            {
                var before = (await topology.AccessLogLinesAsync()).Count;
                await OpenSignInPageAsync(browser, topology.PublicOrigin);

                // The callback can only reach instance 1. Its answer (the redirect to the host page) is held in Chromium, at the
                // response stage, until instance 2 is up and instance 1 is down, so the host page can only reach instance 2.
                // (Chromium's own interception: Playwright's routes do not see the redirected request, and its fetch cannot
                // resolve *.localhost.)
                var devTools = await browser.Context.NewCDPSessionAsync(browser.Page);
                var held = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                devTools.Event("Fetch.requestPaused").OnEvent += (_, paused) => held.TrySetResult(paused!.Value.GetProperty("requestId").GetString()!);
                await devTools.SendAsync("Fetch.enable", new()
                {
                    ["patterns"] = new[] { new Dictionary<string, object> { ["urlPattern"] = "*/signin-oidc", ["requestStage"] = "Response" } },
                });
                var choose = ChooseUserAsync(browser, Adele);
                var callbackAnswer = await held.Task.WaitAsync(TimeSpan.FromMinutes(3));
                await topology.StartAsync(Instance2);
                running.Add(Instance2);
                await topology.StopAsync(Instance1);
                running.Remove(Instance1);
                await devTools.SendAsync("Fetch.continueRequest", new() { ["requestId"] = callbackAnswer });
                await choose;
                await ProfileHeading(browser, Adele).WaitForAsync();
                await devTools.SendAsync("Fetch.disable");

                var callback = Assert.Single(await AccessLogLinesAsync(topology, before, "POST", "/signin-oidc"));
                Assert.Equal(topology.UpstreamOf(Instance1), AnsweredBy(callback));
                var hostPage = (await AccessLogLinesAsync(topology, before, "GET", "/"))[^1];
                Assert.Equal(topology.UpstreamOf(Instance2), AnsweredBy(hostPage));

                // One redemption of the one code; a reload renders none.
                var redemption = Assert.Single(TokenRequests(browser, topology.EmulatorOrigin));
                Assert.False(string.IsNullOrEmpty(Parameter(redemption, "code")));
                await ReloadSignedInAsync(browser, topology, Adele);
                Assert.Null(await RenderedSpaCodeAsync(browser));
                Assert.Single(TokenRequests(browser, topology.EmulatorOrigin));
            });
        }
        finally
        {
            foreach (var instance in new[] { Instance1, Instance2 }.Where(i => !running.Contains(i)))
            {
                await topology.StartAsync(instance);
            }
        }
    }
}
