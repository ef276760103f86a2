using HybridSpa.EndToEnd.Tests.Browser;
using Microsoft.Playwright;

namespace HybridSpa.EndToEnd.Tests.Harness;

/// <summary>What a user does, and what the tests read back, in the browser.</summary>
public static class JourneySteps
{
    /// <summary>Chromium on a fresh profile that trusts the test certificate; third-party cookies blocked unless asked.</summary>
    public static Task<BrowserSession> LaunchBrowserAsync(ThirdPartyCookies cookies = ThirdPartyCookies.Blocked) =>
        BrowserSession.LaunchAsync(BrowserProfile.Create(BrowserPrerequisites.Tools, TestCertificate.Instance, cookies));

    /// <summary>Opens the app, picks <paramref name="displayName"/> on the emulator's sign-in page and waits for the Graph profile.</summary>
    public static Task SignInAsync(BrowserSession browser, HybridSpaDeployment stack, string displayName) =>
        SignInAsync(browser, stack.AppOrigin, displayName);

    /// <summary>Opens the app at <paramref name="appOrigin"/>, picks <paramref name="displayName"/> and waits for the Graph profile.</summary>
    public static async Task SignInAsync(BrowserSession browser, Uri appOrigin, string displayName)
    {
        await OpenSignInPageAsync(browser, appOrigin);
        await ChooseUserAsync(browser, displayName);
        await ProfileHeading(browser, displayName).WaitForAsync();
    }

    /// <summary>Opens the app signed out, which lands on the emulator's sign-in page.</summary>
    public static Task OpenSignInPageAsync(BrowserSession browser, HybridSpaDeployment stack) =>
        OpenSignInPageAsync(browser, stack.AppOrigin);

    /// <summary>Opens the app at <paramref name="appOrigin"/> signed out, which lands on the emulator's sign-in page.</summary>
    public static async Task OpenSignInPageAsync(BrowserSession browser, Uri appOrigin)
    {
        await browser.Page.GotoAsync(appOrigin.AbsoluteUri);
        await EmulatorSignInHeading(browser).WaitForAsync();
    }

    /// <summary>Clicks <paramref name="displayName"/> on the emulator's sign-in page.</summary>
    public static Task ChooseUserAsync(BrowserSession browser, string displayName) =>
        browser.Page.GetByRole(AriaRole.Button, new() { Name = $"Sign in as {displayName}", Exact = true }).ClickAsync();

    /// <summary>The emulator's sign-in page heading (shown only when the emulator has no session to use).</summary>
    public static ILocator EmulatorSignInHeading(BrowserSession browser) =>
        browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true });

    /// <summary>The profile card's heading, which the SPA renders from Graph /me.</summary>
    public static ILocator ProfileHeading(BrowserSession browser, string displayName) =>
        browser.Page.GetByRole(AriaRole.Heading, new() { Name = displayName, Exact = true });

    /// <summary>Token requests the browser sent to the emulator.</summary>
    public static IReadOnlyList<RecordedRequest> TokenRequests(BrowserSession browser, HybridSpaDeployment stack) =>
        TokenRequests(browser, stack.Emulator.BaseAddress);

    /// <summary>Token requests the browser sent to the identity provider at <paramref name="identityProvider"/>.</summary>
    public static IReadOnlyList<RecordedRequest> TokenRequests(BrowserSession browser, Uri identityProvider) =>
        [.. browser.Requests.Where(r => r.IsTo(identityProvider) && r.Url.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal) && r.Method == "POST")];

    /// <summary>Authorize requests the browser sent to the emulator.</summary>
    public static IReadOnlyList<RecordedRequest> AuthorizeRequests(BrowserSession browser, HybridSpaDeployment stack) =>
        AuthorizeRequests(browser, stack.Emulator.BaseAddress);

    /// <summary>Authorize requests the browser sent to the identity provider at <paramref name="identityProvider"/>.</summary>
    public static IReadOnlyList<RecordedRequest> AuthorizeRequests(BrowserSession browser, Uri identityProvider) =>
        [.. browser.Requests.Where(r => r.IsTo(identityProvider) && r.Url.AbsolutePath.EndsWith("/oauth2/v2.0/authorize", StringComparison.Ordinal))];

    /// <summary>The requests made after the browser posted the sign-in response to the app's /signin-oidc.</summary>
    public static IReadOnlyList<RecordedRequest> AfterServerSignIn(BrowserSession browser)
    {
        var requests = browser.Requests;
        var callback = requests.ToList().FindLastIndex(r => r.Method == "POST" && r.Url.AbsolutePath == "/signin-oidc");
        Assert.True(callback >= 0, "The browser never posted to /signin-oidc.");
        return [.. requests.Skip(callback + 1)];
    }

    /// <summary>Graph requests the browser sent to the emulator's Graph.</summary>
    public static IReadOnlyList<RecordedRequest> GraphRequests(BrowserSession browser, HybridSpaDeployment stack) =>
        GraphRequests(browser, stack.Emulator.BaseAddress);

    /// <summary>Graph requests the browser sent to the Graph at <paramref name="graph"/>.</summary>
    public static IReadOnlyList<RecordedRequest> GraphRequests(BrowserSession browser, Uri graph) =>
        [.. browser.Requests.Where(r => r.IsTo(graph) && r.Url.AbsolutePath.StartsWith("/v1.0/", StringComparison.Ordinal) && r.Method != "OPTIONS")];

    /// <summary>A parameter of a recorded request's form body, or of its query string when it has no body (null when absent).</summary>
    public static string? Parameter(RecordedRequest request, string name) =>
        JourneyForm.Field(request.PostData is { Length: > 0 } body ? body : request.Url.Query, name);

    /// <summary>
    /// Keys of what MSAL.js keeps in the page's session and local storage: its "msal." keys, and any entry that holds a
    /// token or an account (MSAL's cache entities carry credentialType / authorityType), whatever its key.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MsalStorageKeysAsync(BrowserSession browser) =>
        await browser.Page.EvaluateAsync<string[]>("""
            () => [sessionStorage, localStorage].flatMap(storage => Object.keys(storage).filter(key =>
                key.startsWith('msal.') || /"(credentialType|authorityType)"/.test(storage.getItem(key) ?? '')))
            """);

    /// <summary>The SPA code the server rendered into the page's bootstrap JSON (null when none).</summary>
    public static async Task<string?> RenderedSpaCodeAsync(BrowserSession browser)
    {
        using var rendered = await Contract.BootstrapSchema.RenderedAsync(browser);
        return rendered.RootElement.GetProperty("spaCode").GetString();
    }
}
