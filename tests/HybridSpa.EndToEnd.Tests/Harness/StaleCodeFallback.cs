using HybridSpa.EndToEnd.Tests.Browser;
using static HybridSpa.EndToEnd.Tests.Harness.JourneySteps;

namespace HybridSpa.EndToEnd.Tests.Harness;

/// <summary>What crossed the network when a stale SPA code was replaced through the server's fresh-SPA-code round trip.</summary>
public static class StaleCodeFallback
{
    /// <summary>
    /// The SPA tried the stale code once, went to /account/spa-code at top level, the server asked the IdP with
    /// prompt=none and the user's login hint (no page can be shown), and the SPA redeemed the new code. No iframe.
    /// </summary>
    public static void AssertSameUserCameBackAtTopLevel(BrowserSession browser, HybridSpaDeployment stack, string staleCode)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var tokens = TokenRequests(browser, stack);
        Assert.Equal(2, tokens.Count);
        Assert.Equal(staleCode, Parameter(tokens[0], "code"));
        Assert.NotEqual(staleCode, Parameter(tokens[1], "code"));
        Assert.Contains(browser.Requests, r => r.IsTo(stack.AppOrigin) && r.Url.AbsolutePath == "/account/spa-code" && r.ResourceType == "document");
        var authorize = Assert.Single(AuthorizeRequests(browser, stack));
        Assert.Equal("none", Parameter(authorize, "prompt"));
        Assert.False(string.IsNullOrEmpty(Parameter(authorize, "login_hint")));
        Assert.Equal(0, browser.FramesAttached);
    }
}
