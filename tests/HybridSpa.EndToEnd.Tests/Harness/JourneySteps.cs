using HybridSpa.EndToEnd.Tests.Browser;
using Microsoft.Playwright;

namespace HybridSpa.EndToEnd.Tests.Harness;

/// <summary>What a user does, and what the tests read back, in the browser.</summary>
public static class JourneySteps
{
    /// <summary>Opens the app, picks <paramref name="displayName"/> on the emulator's sign-in page and waits for the Graph profile.</summary>
    public static async Task SignInAsync(BrowserSession browser, HybridSpaDeployment stack, string displayName)
    {
        await browser.Page.GotoAsync(stack.AppOrigin.AbsoluteUri);
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = $"Sign in as {displayName}" }).ClickAsync();
        await ProfileHeading(browser, displayName).WaitForAsync();
    }

    /// <summary>The profile card's heading, which the SPA renders from Graph /me.</summary>
    public static ILocator ProfileHeading(BrowserSession browser, string displayName) =>
        browser.Page.GetByRole(AriaRole.Heading, new() { Name = displayName, Exact = true });

    /// <summary>Token requests the browser sent to the emulator.</summary>
    public static IReadOnlyList<RecordedRequest> TokenRequests(BrowserSession browser, HybridSpaDeployment stack) =>
        [.. browser.Requests.Where(r => r.IsTo(stack.Emulator.BaseAddress) && r.Url.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal) && r.Method == "POST")];

    /// <summary>Authorize requests the browser sent to the emulator.</summary>
    public static IReadOnlyList<RecordedRequest> AuthorizeRequests(BrowserSession browser, HybridSpaDeployment stack) =>
        [.. browser.Requests.Where(r => r.IsTo(stack.Emulator.BaseAddress) && r.Url.AbsolutePath.EndsWith("/oauth2/v2.0/authorize", StringComparison.Ordinal))];

    /// <summary>The requests made after the browser posted the sign-in response to the app's /signin-oidc.</summary>
    public static IReadOnlyList<RecordedRequest> AfterServerSignIn(BrowserSession browser)
    {
        var requests = browser.Requests;
        var callback = requests.ToList().FindLastIndex(r => r.Method == "POST" && r.Url.AbsolutePath == "/signin-oidc");
        Assert.True(callback >= 0, "The browser never posted to /signin-oidc.");
        return [.. requests.Skip(callback + 1)];
    }

    /// <summary>The SPA code the page's bootstrap JSON carries (null when none).</summary>
    public static async Task<string?> RenderedSpaCodeAsync(BrowserSession browser) =>
        await browser.Page.EvaluateAsync<string?>("() => JSON.parse(document.getElementById('hybridspa-bootstrap').textContent).spaCode");
}
