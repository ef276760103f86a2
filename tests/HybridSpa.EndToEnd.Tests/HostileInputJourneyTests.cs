using HybridSpa.EndToEnd.Tests.Harness;
using static HybridSpa.EndToEnd.Tests.Harness.DefaultUsers;
using static HybridSpa.EndToEnd.Tests.Harness.JourneySteps;

namespace HybridSpa.EndToEnd.Tests;

/// <summary>Identity data is data: markup in a user's name and login hint is shown as text, everywhere it appears.</summary>
public sealed class HostileInputJourneyTests(HostileUserDeployment stack) : IClassFixture<HostileUserDeployment>
{
    [Fact]
    public async Task Markup_in_the_display_name_and_login_hint_is_rendered_as_text_with_no_dialog_and_no_CSP_violation()
    {
        await using var browser = await LaunchBrowserAsync();
        await browser.RunAsync(async () =>
        {
            await SignInAsync(browser, stack, HostileUserDeployment.DisplayName);

            var loginHint = await browser.Page.EvaluateAsync<string>("() => JSON.parse(document.getElementById('hybridspa-bootstrap').textContent).loginHint");
            Assert.Contains(HostileUserDeployment.Payload, loginHint, StringComparison.Ordinal);
            Assert.Contains(HostileUserDeployment.Payload, await browser.Page.InnerTextAsync("body"), StringComparison.Ordinal);
            Assert.Equal(0, await browser.Page.Locator("img[src='x']").CountAsync());

            // The server-rendered page (Graph through MSAL.NET) shows the same name as text too.
            await browser.Page.GotoAsync(new Uri(stack.AppOrigin, "profile").AbsoluteUri);
            Assert.Equal(HostileUserDeployment.DisplayName, await browser.Page.InnerTextAsync("#profile-name"));
            Assert.Equal(0, await browser.Page.Locator("img[src='x']").CountAsync());
            Assert.Empty(browser.Dialogs);
            Assert.Empty(browser.CspViolations);
        });
    }
}
