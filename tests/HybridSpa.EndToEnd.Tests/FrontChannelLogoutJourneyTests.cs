using System.Text.Json;
using HybridSpa.EndToEnd.Tests.Browser;
using HybridSpa.EndToEnd.Tests.Harness;
using HybridSpa.Web.FrontChannelLogout;
using HybridSpa.Web.Routes;
using HybridSpa.Web.SpaHost;
using Microsoft.Playwright;
using static HybridSpa.EndToEnd.Tests.Harness.DefaultUsers;
using static HybridSpa.EndToEnd.Tests.Harness.JourneySteps;

namespace HybridSpa.EndToEnd.Tests;

/// <summary>
/// Sign-out from elsewhere in Chromium with third-party cookies blocked: the identity provider's logout page frames our
/// front-channel logout URL with only <c>?sid=</c> and none of our cookies, and our session still ends, in every tab.
/// </summary>
public sealed class FrontChannelLogoutJourneyTests(SecondAppDeployment stack) : IClassFixture<SecondAppDeployment>
{
    [Fact]
    public async Task Sign_out_at_the_identity_provider_from_another_app_ends_our_session_in_every_tab_and_refuses_the_old_cookie()
    {
        await using var browser = await LaunchBrowserAsync();
        await browser.RunAsync(async () =>
        {
            await SignInAsync(browser, stack, Adele);
            var secondTab = await browser.Context.NewPageAsync();
            await secondTab.GotoAsync(stack.AppOrigin.AbsoluteUri);
            await secondTab.GetByRole(AriaRole.Heading, new() { Name = Adele, Exact = true }).WaitForAsync();
            var cookiesBefore = await browser.Context.CookiesAsync([stack.AppOrigin.AbsoluteUri]);
            Assert.Contains(cookiesBefore, c => c.Name == "__Host-HybridSpa.Auth");

            // The other app sends the browser to the identity provider's logout; its page frames our URL, then moves on.
            var logoutTab = await browser.Context.NewPageAsync();
            await logoutTab.RouteAsync(SecondAppDeployment.OtherAppOrigin.AbsoluteUri + "**", route => route.FulfillAsync(new()
            {
                Status = 200, ContentType = "text/html", Body = "<!DOCTYPE html><title>Contoso Portal</title><h1>Signed out of Contoso Portal</h1>",
            }));
            await logoutTab.GotoAsync(stack.OtherAppLogoutUrl.AbsoluteUri);
            await logoutTab.WaitForURLAsync(SecondAppDeployment.OtherAppSignedOut.AbsoluteUri);
            Assert.Single(browser.Requests, r => r.IsTo(stack.AppOrigin) && r.Url.AbsolutePath == FrontChannelLogoutController.Path);

            // The tab the user comes back to asks the server, learns the session ended and tells the other tab.
            await browser.Page.BringToFrontAsync();
            await browser.Page.EvaluateAsync("() => window.dispatchEvent(new Event('focus'))");
            foreach (var tab in new[] { browser.Page, secondTab })
            {
                await tab.GetByRole(AriaRole.Heading, new() { Name = "You are signed out" }).WaitForAsync();
                Assert.Empty(await tab.EvaluateAsync<string[]>("() => Object.keys(sessionStorage).filter(key => key.startsWith('msal.'))"));
            }

            // The cookies from before, replayed: the session they pointed to is gone.
            await browser.Context.ClearCookiesAsync();
            await browser.Context.AddCookiesAsync(cookiesBefore.Select(c => new Cookie
            {
                Name = c.Name, Value = c.Value, Url = stack.AppOrigin.AbsoluteUri, Secure = c.Secure, HttpOnly = c.HttpOnly, SameSite = c.SameSite,
            }));
            Assert.False(await SignedInAsync(browser));
            await browser.Page.GotoAsync(new Uri(stack.AppOrigin, "profile").AbsoluteUri);
            await EmulatorSignInHeading(browser).WaitForAsync();
        });
    }

    [Fact]
    public async Task A_forged_front_channel_logout_with_a_wrong_sid_ends_nothing()
    {
        await using var browser = await LaunchBrowserAsync();
        await browser.RunAsync(async () =>
        {
            await SignInAsync(browser, stack, Adele);
            var graphCallsBefore = GraphRequests(browser, stack).Count;

            // Even as a top-level navigation, which carries the app's Lax cookies, a sid it does not know ends nothing.
            var forged = await browser.Context.NewPageAsync();
            await forged.GotoAsync(new Uri(stack.AppOrigin, FrontChannelLogoutController.Path.TrimStart('/') + "?sid=" + Guid.NewGuid()).AbsoluteUri);
            await forged.CloseAsync();

            Assert.True(await SignedInAsync(browser));
            await browser.Page.EvaluateAsync("() => window.dispatchEvent(new Event('focus'))");
            await browser.Page.ReloadAsync();
            await ProfileHeading(browser, Adele).WaitForAsync();
            Assert.True(GraphRequests(browser, stack).Count > graphCallsBefore);
            Assert.DoesNotContain(browser.Requests, r => r.IsTo(stack.AppOrigin) && r.Url.AbsolutePath == "/account/signed-out");
        });
    }

    /// <summary>What the app's session check answers for the browser's current cookies (opened in a tab of its own).</summary>
    private async Task<bool> SignedInAsync(BrowserSession browser)
    {
        var tab = await browser.Context.NewPageAsync();
        var response = await tab.GotoAsync(new Uri(stack.AppOrigin, SpaRoutes.SessionStatus.TrimStart('/')).AbsoluteUri);
        Assert.NotNull(response);
        Assert.True(response.Ok, $"{response.Status}");
        using var status = JsonDocument.Parse(await response.TextAsync());
        await tab.CloseAsync();
        return status.RootElement.GetProperty("signedIn").GetBoolean();
    }
}
