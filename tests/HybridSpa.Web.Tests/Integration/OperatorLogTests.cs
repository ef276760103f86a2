using System.Net;
using HybridSpa.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace HybridSpa.Web.Tests.Integration;

/// <summary>
/// What an operator reads: expected flows (sign-in, incremental consent, the personal-account fallback) log nothing at
/// Warning or above, and an identity provider outage answered with the 503 page — at the callback or on a page that needs a
/// token — logs one Warning per page that names the cause.
/// </summary>
public sealed class OperatorLogTests() : LoggedEmulatorApp(logLevelsAsShipped: true)
{
    [Fact]
    public async Task Sign_in_consent_and_fallback_log_no_warning_and_an_identity_provider_outage_logs_one_warning_with_its_cause()
    {
        using (var work = new EmulatorSignInDriver(Emulator, Web.CreateBrowser()))
        {
            await work.SignInToHomeAsync(EmulatorSignInDriver.Adele);
            Assert.False(string.IsNullOrEmpty((await work.HomeBootstrapAsync()).SpaCode));
            Assert.Equal(HttpStatusCode.OK, (await work.App.GetAsync("/profile")).StatusCode);

            // Incremental consent: Mail.Read was not granted at sign-in (AADSTS65001), so the page re-challenges for it.
            var callback = await work.SignInAsync(EmulatorSignInDriver.Adele, "/profile/mail");
            Assert.Equal("/profile/mail", callback.Headers.Location?.OriginalString);
            Assert.Equal(HttpStatusCode.OK, (await work.App.GetAsync("/profile/mail")).StatusCode);
        }

        using (var personal = new EmulatorSignInDriver(Emulator, Web.CreateBrowser()))
        {
            // AADSTS9000512: a personal account gets no SPA code, and signs in again without asking for one.
            await personal.SignInToHomeAsync(EmulatorSignInDriver.Megan);
            Assert.True((await personal.HomeBootstrapAsync()).BootstrapByRedirect);
        }

        Assert.Contains(Logs.Records, record => record.Level == LogLevel.Information && record.EventId.Name == "IncrementalConsent");
        Assert.Contains(Logs.Records, record => record.Level == LogLevel.Information && record.EventId.Name == "SpaCodeRefused");
        var unexpected = AtWarningOrAbove();
        Assert.True(unexpected.Count == 0, "Logged at Warning or above:\n" + string.Join("\n", unexpected.Select(Summary)));

        // The identity provider goes away between a sign-in's authorize and its callback, and while another user is signed in.
        using var signingIn = new EmulatorSignInDriver(Emulator, Web.CreateBrowser());
        var (formPost, _) = await signingIn.AuthorizeAsync(signingIn.AssertChallenge(await signingIn.App.GetAsync("/")), EmulatorSignInDriver.Adele);
        using var signedIn = new EmulatorSignInDriver(Emulator, Web.CreateBrowser());
        await signedIn.SignInToHomeAsync(EmulatorSignInDriver.Megan);
        await Emulator.DisposeAsync();

        // The code cannot be redeemed: the callback is the 503 page.
        var unredeemed = await signingIn.App.PostFromIdpAsync("/signin-oidc", formPost.Fields);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unredeemed.StatusCode);
        var atCallback = Assert.Single(AtWarningOrAbove());

        // A page that needs a token the cache cannot give (Mail.Read for this user) is the 503 page too.
        var unavailable = await signedIn.App.GetAsync("/profile/mail");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);

        var warnings = AtWarningOrAbove();
        Assert.Equal(2, warnings.Count);
        Assert.Same(atCallback, warnings[0]);
        Assert.All(warnings, warning =>
        {
            Assert.Equal(LogLevel.Warning, warning.Level);
            Assert.Contains("identity provider", warning.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("HttpRequestException", warning.Message, StringComparison.Ordinal);
            Assert.Null(warning.Exception);
        });
    }

    private static string Summary(LogRecord record) =>
        $"{record.Level} {record.Category} [{record.EventId}] {record.Message.Split('\n')[0]}{(record.Exception is null ? "" : " + " + record.Exception.GetType().Name + " with stack")}";

    private List<LogRecord> AtWarningOrAbove() => Logs.Records.Where(record => record.Level >= LogLevel.Warning).ToList();
}
