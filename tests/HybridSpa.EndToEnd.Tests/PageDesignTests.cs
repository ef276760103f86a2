using HybridSpa.EndToEnd.Tests.Browser;
using HybridSpa.EndToEnd.Tests.Harness;
using Microsoft.Playwright;
using static HybridSpa.EndToEnd.Tests.Harness.DefaultUsers;
using static HybridSpa.EndToEnd.Tests.Harness.JourneySteps;

namespace HybridSpa.EndToEnd.Tests;

/// <summary>
/// Every page of both origins — the emulator's sign-in, step-up and consent pages, the SPA (signed in, Graph unreachable, a token
/// error), the server's profile and mail pages, signed-out, access-denied, 404, 400 and the three 503 pages — looked at
/// light and dark, 375 and 1280 px wide (320 and 1440 px for the fit alone): nothing reaches past the viewport, axe-core finds no WCAG 2.1 A/AA or
/// best-practice violation, and each is kept as a screenshot. One deployment and one browser for all of it.
/// </summary>
public sealed class PageDesignTests(OutageDeployment stack) : IClassFixture<OutageDeployment>
{
    [Fact]
    public async Task Every_page_fits_320_to_1440_px_and_has_no_accessibility_violation_light_or_dark()
    {
        await using var browser = await LaunchBrowserAsync();
        var audit = new PageAudit(browser);
        var problems = new List<string>();
        async Task Audit(string name) => problems.AddRange(await audit.AuditAsync(name));

        await browser.RunAsync(async () =>
        {
            // The emulator's sign-in page tells a developer the password of the test user who has one.
            await OpenSignInPageAsync(browser, stack);
            await browser.Page.GetByText("the password is emulator").WaitForAsync();
            await Audit("emulator-sign-in");

            await ChooseUserAsync(browser, Adele);
            await ProfileHeading(browser, Adele).WaitForAsync();
            await Audit("spa-signed-in");

            // Graph unreachable from the browser: the card names Graph and says what to do, not "Failed to fetch".
            await browser.Page.RouteAsync(GraphMe, route => route.AbortAsync("connectionrefused"));
            await browser.Page.ReloadAsync();
            await browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Microsoft Graph cannot be reached" }).WaitForAsync();
            await Audit("spa-graph-unreachable");
            await browser.Page.UnrouteAsync(GraphMe);

            // A new SPA code whose redemption the identity provider refuses: the card says so and offers Try again, which works.
            await browser.Page.EvaluateAsync("() => sessionStorage.clear()");
            await browser.Page.RouteAsync(TokenEndpoint, RefuseTokenRequestAsync);
            await GoToAsync(browser, "account/spa-code");
            var tokenError = browser.Page.GetByRole(AriaRole.Alert);
            await tokenError.GetByText("The identity provider refused to give this page an access token.").WaitForAsync();
            await Audit("spa-token-error");
            await browser.Page.UnrouteAsync(TokenEndpoint);
            await tokenError.GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();
            await ProfileHeading(browser, Adele).WaitForAsync();

            await GoToAsync(browser, "profile");
            await Audit("profile");

            // The emulator's step-up page (an authentication context asked for in a claims request), opened directly.
            await browser.Page.GotoAsync(StepUpUrl());
            await browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Verify your identity" }).WaitForAsync();
            await Audit("emulator-step-up");

            // Mail.Read: the consent page; Cancel → access denied; then Accept → the mail page.
            await GoToAsync(browser, "profile/mail");
            await browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Permissions requested" }).WaitForAsync();
            await Audit("emulator-consent");
            await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
            await browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign-in was cancelled" }).WaitForAsync();
            await Audit("access-denied");
            await GoToAsync(browser, "profile/mail");
            await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
            await browser.Page.WaitForURLAsync(new Uri(stack.AppOrigin, "profile/mail").AbsoluteUri);
            Assert.Contains(OutageDeployment.LongSubject, await browser.Page.InnerTextAsync("#profile-messages"), StringComparison.Ordinal);
            Assert.Equal(OutageDeployment.LongMail, await browser.Page.InnerTextAsync("#profile-mail"));
            await Audit("mail");

            Assert.Equal(404, (await GoToAsync(browser, "no/such/page")).Status);
            await Audit("error-404");
            Assert.Equal(400, (await GoToAsync(browser, "signin-oidc")).Status);
            await Audit("error-400");

            stack.GraphDown = true;
            Assert.Equal(503, (await GoToAsync(browser, "profile")).Status);
            stack.GraphDown = false;
            Assert.Contains("Microsoft Graph cannot be reached", await browser.Page.InnerTextAsync("main"), StringComparison.Ordinal);
            await Audit("unavailable-graph");

            stack.Store.Down = true;
            var storeDown = await GoToAsync(browser, "profile");
            await Audit("unavailable-store");
            stack.Store.Down = false;
            Assert.Equal(503, storeDown.Status);
            Assert.Contains("session store", await browser.Page.InnerTextAsync("main"), StringComparison.Ordinal);

            // Sign-out from a server page: the same POST as the SPA's, and MSAL's storage is emptied all the same.
            await GoToAsync(browser, "profile");
            await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await browser.Page.GetByRole(AriaRole.Heading, new() { Name = "You are signed out" }).WaitForAsync();
            Assert.Empty(await MsalStorageKeysAsync(browser));
            await Audit("signed-out");

            // Signing in again while the app cannot reach the identity provider to redeem the code: the identity provider's 503.
            stack.IdentityProviderDown = true;
            try
            {
                await browser.Page.GetByRole(AriaRole.Link, new() { Name = "Sign in again" }).ClickAsync();
                await ChooseUserAsync(browser, Adele);
                await browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Temporarily unavailable" }).WaitForAsync();
                Assert.Contains("identity provider cannot be reached", await browser.Page.InnerTextAsync("main"), StringComparison.Ordinal);
                await Audit("unavailable-identity-provider");
            }
            finally
            {
                stack.IdentityProviderDown = false;
            }

            Assert.Empty(problems);
            Assert.Empty(browser.CspViolations);
        });
        DocumentationImages.RefreshIfAsked();
    }

    [Fact]
    public async Task The_keyboard_reaches_every_header_action_in_reading_order_with_a_visible_focus()
    {
        await using var browser = await LaunchBrowserAsync();
        await browser.RunAsync(async () =>
        {
            await SignInAsync(browser, stack, Adele);
            Assert.Equal(["Skip to content", "HybridSpa", "Home", "Profile", "Mail", "Sign out"], await TabThroughAsync(browser, 6));

            await GoToAsync(browser, "profile");
            Assert.Equal(["Skip to content", "HybridSpa", "Home", "Profile", "Mail", "Sign out", "Show my newest messages"], await TabThroughAsync(browser, 7));
        });
    }

    /// <summary>An /authorize request for the web app that asks for authentication context c1, so the signed-in browser sees the step-up page.</summary>
    private string StepUpUrl() =>
        $"{stack.Emulator.Authority}oauth2/v2.0/authorize?client_id={stack.Emulator.Options.Applications[0].ClientId}&response_type=code&scope=openid"
        + $"&redirect_uri={Uri.EscapeDataString(new Uri(stack.AppOrigin, "signin-oidc").AbsoluteUri)}"
        + $"&claims={Uri.EscapeDataString("""{"access_token":{"acrs":{"essential":true,"value":"c1"}}}""")}";

    private const string TokenEndpoint = "**/oauth2/v2.0/token?**";

    private const string GraphMe = "**/v1.0/me**";

    /// <summary>Answers the SPA's token request (and its preflight, if any) the way Entra refuses a misregistered redirect URI.</summary>
    private Task RefuseTokenRequestAsync(IRoute route)
    {
        var cors = new Dictionary<string, string>
        {
            ["Access-Control-Allow-Origin"] = stack.AppOrigin.GetLeftPart(UriPartial.Authority),
            ["Access-Control-Allow-Methods"] = "POST",
            ["Access-Control-Allow-Headers"] = route.Request.Headers.TryGetValue("access-control-request-headers", out var asked) ? asked : "content-type",
        };
        return route.Request.Method == "OPTIONS"
            ? route.FulfillAsync(new() { Status = 204, Headers = cors })
            : route.FulfillAsync(new()
            {
                Status = 400,
                ContentType = "application/json",
                Headers = cors,
                Body = """{"error":"invalid_request","error_description":"AADSTS9002326: Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type.","error_codes":[9002326],"correlation_id":"5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"}""",
            });
    }

    private async Task<IResponse> GoToAsync(BrowserSession browser, string path) =>
        await browser.Page.GotoAsync(new Uri(stack.AppOrigin, path).AbsoluteUri) ?? throw new InvalidOperationException($"No response for /{path}.");

    /// <summary>Presses Tab <paramref name="count"/> times from the top of the page; each focused element's name, and that it shows an outline.</summary>
    private static async Task<string[]> TabThroughAsync(BrowserSession browser, int count)
    {
        await browser.Page.EvaluateAsync("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }");
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            await browser.Page.Keyboard.PressAsync("Tab");
            var focused = await browser.Page.EvaluateAsync<string[]>(
                "() => { const e = document.activeElement; const s = getComputedStyle(e); return [e.innerText.trim(), s.outlineStyle, s.outlineWidth]; }");
            Assert.True(focused[1] != "none" && focused[2] != "0px", $"\"{focused[0]}\" has no visible focus outline ({focused[1]} {focused[2]}).");
            names.Add(focused[0]);
        }

        return [.. names];
    }
}
