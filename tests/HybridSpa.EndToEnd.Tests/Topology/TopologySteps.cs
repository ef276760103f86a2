using HybridSpa.EndToEnd.Tests.Browser;
using Microsoft.Playwright;

namespace HybridSpa.EndToEnd.Tests.Topology;

/// <summary>What the Topology tests do and read in the browser and in nginx's access log.</summary>
public static class TopologySteps
{
    /// <summary>Chromium with default settings (third-party cookies blocked), trusting the topology's certificate.</summary>
    public static Task<BrowserSession> LaunchBrowserAsync(TopologyDeployment topology) =>
        BrowserSession.LaunchAsync(BrowserProfile.Create(BrowserPrerequisites.Tools, topology.Certificate, ThirdPartyCookies.Blocked));

    /// <summary>Every response of the public origin with a status of 500 or more, as "status url" (a user would see each).</summary>
    public static List<string> RecordServerErrors(BrowserSession browser, TopologyDeployment topology)
    {
        var errors = new List<string>();
        browser.Page.Response += (_, response) =>
        {
            if (response.Status >= 500 && new Uri(response.Url).Authority == topology.PublicOrigin.Authority)
            {
                lock (errors)
                {
                    errors.Add($"{response.Status} {response.Request.Method} {response.Url}");
                }
            }
        };
        return errors;
    }

    /// <summary>The access log lines written after <paramref name="before"/> lines, whose request path is <paramref name="path"/>.</summary>
    public static async Task<IReadOnlyList<string>> AccessLogLinesAsync(TopologyDeployment topology, int before, string method, string path) =>
        [.. (await topology.AccessLogLinesAsync()).Skip(before).Where(line => line.Contains($"\"{method} {path}\"", StringComparison.Ordinal))];

    /// <summary>
    /// The instance that answered an access log line's request: the last of <c>upstream=</c>'s addresses (nginx lists every
    /// instance it tried, e.g. <c>127.0.0.1:5101, 127.0.0.1:5102</c> when the first refused the connection).
    /// </summary>
    public static string AnsweredBy(string accessLogLine)
    {
        ArgumentNullException.ThrowIfNull(accessLogLine);
        var upstream = accessLogLine[(accessLogLine.IndexOf(" upstream=", StringComparison.Ordinal) + " upstream=".Length)..];
        upstream = upstream[..upstream.IndexOf(" upstream_status=", StringComparison.Ordinal)];
        return upstream.Split(", ")[^1].Trim();
    }

    /// <summary>Reloads the SPA's page and waits for the signed-in user's Graph profile.</summary>
    public static async Task ReloadSignedInAsync(BrowserSession browser, TopologyDeployment topology, string displayName)
    {
        var response = await browser.Page.GotoAsync(topology.PublicOrigin.AbsoluteUri);
        Assert.Equal(200, response?.Status);
        await Harness.JourneySteps.ProfileHeading(browser, displayName).WaitForAsync();
    }

    /// <summary>Opens the server-side profile page, whose data the app fetched from Graph.</summary>
    public static async Task OpenServerProfileAsync(BrowserSession browser, TopologyDeployment topology, string displayName)
    {
        var response = await browser.Page.GotoAsync(new Uri(topology.PublicOrigin, "profile").AbsoluteUri);
        Assert.Equal(200, response?.Status);
        Assert.Equal(displayName, await browser.Page.InnerTextAsync("#profile-name"));
        Assert.Equal(topology.PublicOrigin.Authority, new Uri(browser.Page.Url).Authority);
    }

    /// <summary>The app's signed-out page heading.</summary>
    public static ILocator SignOutHeading(BrowserSession browser) =>
        browser.Page.GetByRole(AriaRole.Heading, new() { Name = "You are signed out" });
}
