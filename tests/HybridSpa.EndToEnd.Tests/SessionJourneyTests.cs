using HybridSpa.EndToEnd.Tests.Harness;
using Microsoft.Playwright;
using static HybridSpa.EndToEnd.Tests.Harness.DefaultUsers;
using static HybridSpa.EndToEnd.Tests.Harness.JourneySteps;

namespace HybridSpa.EndToEnd.Tests;

/// <summary>After sign-in: incremental consent for an extra scope, and signing out of everything.</summary>
public sealed class SessionJourneyTests(HybridSpaDeployment stack) : IClassFixture<HybridSpaDeployment>
{
    [Fact]
    public async Task An_extra_scope_goes_through_the_consent_page_and_comes_back_with_the_data()
    {
        await using var browser = await LaunchBrowserAsync();
        await browser.RunAsync(async () =>
        {
            await SignInAsync(browser, stack, Adele);
            await browser.Page.GotoAsync(new Uri(stack.AppOrigin, "profile").AbsoluteUri);
            await browser.Page.GetByRole(AriaRole.Link, new() { Name = "Show my newest messages" }).ClickAsync();

            var consent = browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Permissions requested" });
            await consent.WaitForAsync();
            Assert.Contains("Mail.Read", await browser.Page.InnerTextAsync("body"), StringComparison.Ordinal);
            await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();

            await browser.Page.WaitForURLAsync(new Uri(stack.AppOrigin, "profile/mail").AbsoluteUri);
            Assert.Equal(Adele, await browser.Page.InnerTextAsync("#profile-name"));
            Assert.Contains("Mail.Read", await browser.Page.InnerTextAsync("#profile-scopes"), StringComparison.Ordinal);

            // What the extra scope buys: the newest messages of Adele's mailbox, from Graph /me/messages.
            Assert.Equal(5, await browser.Page.Locator("#profile-messages li").CountAsync());
            var consentAuthorize = AuthorizeRequests(browser, stack)[^1];
            Assert.Contains("Mail.Read", Parameter(consentAuthorize, "scope"), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(Parameter(consentAuthorize, "login_hint")));
        });
    }

    [Fact]
    public async Task Sign_out_empties_MSALs_storage_and_ends_the_app_and_identity_provider_sessions()
    {
        await using var browser = await LaunchBrowserAsync();
        await browser.RunAsync(async () =>
        {
            await SignInAsync(browser, stack, Adele);
            Assert.NotEmpty(await MsalStorageKeysAsync(browser));

            await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await browser.Page.GetByRole(AriaRole.Heading, new() { Name = "You are signed out" }).WaitForAsync();

            Assert.Empty(await MsalStorageKeysAsync(browser));
            var appCookies = await browser.Context.CookiesAsync([stack.AppOrigin.AbsoluteUri]);
            Assert.DoesNotContain(appCookies, c => c.Name is "__Host-HybridSpa.Auth" or "__Host-HybridSpa.Session");
            Assert.Contains(browser.Requests, r => r.IsTo(stack.Emulator.BaseAddress) && r.Url.AbsolutePath.EndsWith("/oauth2/v2.0/logout", StringComparison.Ordinal));

            // Back to the SPA's page: it needs a sign-in again, and the emulator has no session left to do it silently.
            browser.ClearRecording();
            await browser.Page.GoBackAsync();
            await EmulatorSignInHeading(browser).WaitForAsync();

            Assert.Empty(TokenRequests(browser, stack));
            Assert.Empty(GraphRequests(browser, stack));
            Assert.Equal(0, await ProfileHeading(browser, Adele).CountAsync());
        });
    }
}
