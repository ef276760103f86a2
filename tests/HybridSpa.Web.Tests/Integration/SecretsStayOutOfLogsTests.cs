using HybridSpa.EntraEmulator;

namespace HybridSpa.Web.Tests.Integration;

/// <summary>
/// The authorization code, the SPA code, tokens and the client secret never reach the app's log — at Trace, every
/// category (ASP.NET Core, HttpClient, MSAL.NET through the app, the app's own).
/// </summary>
public sealed class SecretsStayOutOfLogsTests() : LoggedEmulatorApp(logLevelsAsShipped: false)
{
    [Fact]
    public async Task A_whole_sign_in_with_server_side_Graph_logs_no_code_no_token_and_no_secret_even_at_trace()
    {
        using var driver = new EmulatorSignInDriver(Emulator, Web.CreateBrowser());
        var (formPost, _) = await driver.AuthorizeAsync(driver.AssertChallenge(await driver.App.GetAsync("/")), EmulatorSignInDriver.Adele);
        await driver.App.PostFromIdpAsync("/signin-oidc", formPost.Fields);
        var spaCode = (await driver.HomeBootstrapAsync()).SpaCode;
        await ScaleOut.TwoInstanceTests.AssertProfileAsync(driver.App, EmulatorSignInDriver.AdeleDisplayName);

        var log = string.Join('\n', Logs.Entries);
        Assert.False(string.IsNullOrEmpty(spaCode));
        Assert.Contains(Logs.Entries, entry => entry.StartsWith("Trace ", StringComparison.Ordinal) || entry.StartsWith("Debug ", StringComparison.Ordinal));
        Assert.Contains("/signin-oidc", log, StringComparison.Ordinal);
        Assert.DoesNotContain(formPost.Fields["code"], log, StringComparison.Ordinal);
        Assert.DoesNotContain(spaCode, log, StringComparison.Ordinal);
        Assert.DoesNotContain(DevelopmentDefaults.ClientSecret, log, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", log, StringComparison.Ordinal);

        // The in-process emulator checks a token's claims one by one for Entra's own messages; its signature checks used to
        // make IdentityModel warn twice per Graph call (IDX10233, IDX10235) in this app's log.
        Assert.DoesNotContain(Logs.Entries, entry => entry.Contains("IDX10233", StringComparison.Ordinal) || entry.Contains("IDX10235", StringComparison.Ordinal));
    }
}
