using Microsoft.Playwright;
using static HybridSpa.EndToEnd.Tests.Harness.DefaultUsers;
using static HybridSpa.EndToEnd.Tests.Harness.JourneySteps;
using static HybridSpa.EndToEnd.Tests.Topology.TopologySteps;

namespace HybridSpa.EndToEnd.Tests.Topology;

/// <summary>The hybrid journey through the production topology: nginx terminating TLS, two published instances, Redis.</summary>
[Collection(TopologyTestGroup.Name)]
public sealed class TopologyJourneyTests(TopologyDeployment topology)
{
    [Fact]
    public async Task Chromium_signs_in_through_nginx_redeems_the_SPA_code_in_one_request_calls_Graph_and_signs_out()
    {
        await using var browser = await LaunchBrowserAsync(topology);
        var serverErrors = RecordServerErrors(browser, topology);
        await browser.RunAsync(async () =>
        {
            await SignInAsync(browser, topology.PublicOrigin, Adele);

            // Every URL of the sign-in is the public origin's, though the instances listen on loopback HTTP.
            var authorize = Assert.Single(AuthorizeRequests(browser, topology.EmulatorOrigin));
            Assert.Equal(new Uri(topology.PublicOrigin, "signin-oidc").AbsoluteUri, Parameter(authorize, "redirect_uri"));
            var redemption = Assert.Single(TokenRequests(browser, topology.EmulatorOrigin));
            Assert.False(string.IsNullOrEmpty(Parameter(redemption, "code")));
            Assert.Equal(0, browser.FramesAttached);
            Assert.Empty(browser.CspViolations);

            await OpenServerProfileAsync(browser, topology, Adele);

            await ReloadSignedInAsync(browser, topology, Adele);
            await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await SignOutHeading(browser).WaitForAsync();
            Assert.Equal(topology.PublicOrigin.Authority, new Uri(browser.Page.Url).Authority);
            var cookies = await browser.Context.CookiesAsync([topology.PublicOrigin.AbsoluteUri]);
            Assert.DoesNotContain(cookies, c => c.Name is "__Host-HybridSpa.Auth" or "__Host-HybridSpa.Session");

            await OpenSignInPageAsync(browser, topology.PublicOrigin);
            Assert.Empty(serverErrors);
        });
    }

    [Fact]
    public async Task Requests_of_one_sign_in_are_answered_by_both_instances()
    {
        var before = (await topology.AccessLogLinesAsync()).Count;
        await using var browser = await LaunchBrowserAsync(topology);
        await browser.RunAsync(async () =>
        {
            await SignInAsync(browser, topology.PublicOrigin, Adele);

            var answeredBy = (await topology.AccessLogLinesAsync()).Skip(before).Select(AnsweredBy).ToList();
            Assert.Contains(topology.UpstreamOf(TopologyDeployment.Instance1), answeredBy);
            Assert.Contains(topology.UpstreamOf(TopologyDeployment.Instance2), answeredBy);
        });
    }
}
