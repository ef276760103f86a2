using HybridSpa.EndToEnd.Tests.Browser;
using HybridSpa.EndToEnd.Tests.Harness;
using Microsoft.Playwright;
using static HybridSpa.EndToEnd.Tests.Harness.DefaultUsers;
using static HybridSpa.EndToEnd.Tests.Harness.JourneySteps;

namespace HybridSpa.EndToEnd.Tests;

/// <summary>
/// The identity provider tightening a session after sign-in, in Chromium with default settings, through the real SPA and server:
/// a session revoked mid-use (CAE) and the step-up an authentication context demands on <c>/profile/mail</c>.
/// </summary>
public sealed class ClaimsChallengeJourneyTests(ClaimsChallengeDeployment stack) : IClassFixture<ClaimsChallengeDeployment>
{
    private const string AdeleObjectId = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";

    [Fact]
    public async Task A_session_revoked_mid_use_is_recovered_by_the_spas_next_graph_call_and_by_the_servers_profile_page_with_the_claims()
    {
        await using var browser = await LaunchBrowserAsync();
        await browser.RunAsync(async () =>
        {
            await SignInAsync(browser, stack, Adele);

            // Tokens issued in the revocation's second count as after it: the revocation comes a second after the sign-in.
            stack.Emulator.Clock.Advance(TimeSpan.FromSeconds(1));
            await stack.RevokeSignInSessionsAsync(AdeleObjectId);
            browser.ClearRecording();

            // The SPA's next Graph call: its cached CAE token is challenged; the revoked refresh token cannot answer, so MSAL.js
            // redirects with the claims, and the emulator, whose sessions were revoked, asks the user to sign in again.
            await browser.Page.ReloadAsync();
            await EmulatorSignInHeading(browser).WaitForAsync();
            await ChooseUserAsync(browser, Adele);
            await ProfileHeading(browser, Adele).WaitForAsync();
            Assert.Contains(AuthorizeRequests(browser, stack), r => IsFrom(r, stack.AppOrigin.AbsoluteUri) && RevocationClaims(r));

            // The server's page: its cached CAE token is challenged too; the new sign-in at the emulator satisfies the claims.
            await browser.Page.GotoAsync(new Uri(stack.AppOrigin, "profile").AbsoluteUri);
            await browser.Page.WaitForURLAsync(new Uri(stack.AppOrigin, "profile").AbsoluteUri);
            Assert.Equal(Adele, await browser.Page.InnerTextAsync("#profile-name"));
            Assert.Contains(AuthorizeRequests(browser, stack), r => IsFrom(r, new Uri(stack.AppOrigin, "signin-oidc").AbsoluteUri) && RevocationClaims(r));
            Assert.DoesNotContain("could not be reached", await browser.Page.InnerTextAsync("body"), StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task The_mail_page_steps_up_for_its_authentication_context_and_then_shows_the_messages()
    {
        await using var browser = await LaunchBrowserAsync();
        await browser.RunAsync(async () =>
        {
            await SignInAsync(browser, stack, Adele);
            await browser.Page.GotoAsync(new Uri(stack.AppOrigin, "profile").AbsoluteUri);
            await browser.Page.GetByRole(AriaRole.Link, new() { Name = "Show my newest messages" }).ClickAsync();

            // The emulator asks for consent to Mail.Read (when not given yet) and for the step-up, in its own order.
            var mailPage = new Uri(stack.AppOrigin, "profile/mail").AbsoluteUri;
            var stepUp = browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Verify your identity" });
            var consent = browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Permissions requested" });
            var stepUps = 0;
            for (var page = 0; page < 3 && browser.Page.Url != mailPage; page++)
            {
                await stepUp.Or(consent).Or(browser.Page.Locator("#profile-messages")).First.WaitForAsync();
                if (await stepUp.IsVisibleAsync())
                {
                    stepUps++;
                    await browser.Page.FillAsync("#code", await browser.Page.InnerTextAsync("#code-hint code"));
                    await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
                }
                else if (await consent.IsVisibleAsync())
                {
                    await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
                }

                await browser.Page.WaitForLoadStateAsync();
            }

            await browser.Page.WaitForURLAsync(mailPage);
            Assert.Equal(1, stepUps);
            Assert.Equal(5, await browser.Page.Locator("#profile-messages li").CountAsync());
            Assert.Contains(AuthorizeRequests(browser, stack), r => Parameter(r, "claims") is { } claims
                && claims.Contains("\"acrs\"", StringComparison.Ordinal) && claims.Contains($"\"{ClaimsChallengeDeployment.AuthenticationContext}\"", StringComparison.Ordinal));

            // Stepped up: the page renders again without the identity provider's pages.
            await browser.Page.ReloadAsync();
            Assert.Equal(mailPage, browser.Page.Url);
            Assert.Equal(5, await browser.Page.Locator("#profile-messages li").CountAsync());
        });
    }

    private static bool IsFrom(RecordedRequest authorize, string redirectUri) => Parameter(authorize, "redirect_uri") == redirectUri;

    private static bool RevocationClaims(RecordedRequest authorize) =>
        Parameter(authorize, "claims") is { } claims && claims.Contains("\"nbf\"", StringComparison.Ordinal);
}
