using System.Net;
using HybridSpa.Web.Tests.Infrastructure;
using HybridSpa.Web.Tests.Integration;
using HybridSpa.Web.SignIn;
using Microsoft.AspNetCore.WebUtilities;

namespace HybridSpa.Web.Tests.Security;

/// <summary>
/// Behind a TLS-terminating proxy: the app believes X-Forwarded-* only from the proxies it knows, and every URI the sign-in
/// sends is the public origin's whatever the headers say.
/// </summary>
public sealed class ForwardedHeadersTests(ProxiedEmulatorFixture fixture) : IClassFixture<ProxiedEmulatorFixture>
{
    private const string PublicHost = "hybridspa.localhost:8443";

    [Fact]
    public async Task Sign_in_and_sign_out_through_a_listed_proxy_use_the_public_origin_up_to_the_code_redemption()
    {
        await using var app = new ProxiedApp(fixture.Emulator, new Dictionary<string, string?>());
        // nginx's defaults: Host is the upstream's address, the public host arrives as X-Forwarded-Host.
        using var driver = app.CreateDriver(new ProxyHeaders(Host: app.Upstream.Authority));

        await driver.SignInToHomeAsync(EmulatorSignInDriver.Adele);
        var signInCookie = driver.App.Cookies[SignInExtensions.CookieName];
        var bootstrap = await driver.HomeBootstrapAsync();

        var authorize = QueryHelpers.ParseQuery(driver.Authorizations.Single().Authorize.Query);
        Assert.Equal(ProxiedApp.PublicOrigin + "/signin-oidc", authorize["redirect_uri"].ToString());
        // The emulator redeems a code only for the redirect_uri it was issued to (AADSTS50011 otherwise): MSAL.NET sent the public one.
        Assert.False(string.IsNullOrEmpty(bootstrap.SpaCode));
        Assert.Equal(ProxiedApp.PublicOrigin + "/", bootstrap.RedirectUri);
        Assert.True(signInCookie.Secure && signInCookie.HttpOnly, signInCookie.ToString());
        Assert.Equal(new RequestSeen("https", PublicHost, IPAddress.Parse(ProxyHeaders.Client)), app.LastSeen);

        var signOut = await driver.App.SignOutAsync(bootstrap.SignOut);
        var endSession = QueryHelpers.ParseQuery(signOut.Headers.Location!.Query);
        Assert.Equal(ProxiedApp.PublicOrigin + "/signout-callback-oidc", endSession["post_logout_redirect_uri"].ToString());
        Assert.Contains("max-age=", string.Join(",", signOut.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forwarded_headers_from_a_proxy_that_is_not_listed_are_ignored()
    {
        await using var app = new ProxiedApp(fixture.Emulator, new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "192.0.2.10" });
        using var client = app.CreateClient(new ProxyHeaders(Host: app.Upstream.Authority));

        var page = await client.GetAsync("/account/signed-out");
        var seen = app.LastSeen;
        var challenge = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(new RequestSeen("http", app.Upstream.Authority, IPAddress.Loopback), seen);
        Assert.False(page.Headers.Contains("Strict-Transport-Security"), "HSTS on a request the app saw as http");
        // The redirect_uri never came from the request: it stays the registered one.
        Assert.Equal(ProxiedApp.PublicOrigin + "/signin-oidc", RedirectUriOf(challenge));
    }

    [Fact]
    public async Task A_forwarded_host_outside_allowed_hosts_is_ignored_and_cannot_move_the_redirect_uri()
    {
        await using var app = new ProxiedApp(fixture.Emulator, new Dictionary<string, string?> { ["AllowedHosts"] = "hybridspa.localhost" });
        // A proxy that passes the client's X-Forwarded-Host on instead of setting its own.
        using var client = app.CreateClient(new ProxyHeaders(ForwardedHost: "attacker.example"));

        var challenge = await client.GetAsync("/");

        Assert.Equal(PublicHost, app.LastSeen.Host);
        Assert.Equal(ProxiedApp.PublicOrigin + "/signin-oidc", RedirectUriOf(challenge));
        Assert.DoesNotContain("attacker.example", challenge.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_header_outside_allowed_hosts_is_refused_with_400()
    {
        await using var app = new ProxiedApp(fixture.Emulator, new Dictionary<string, string?> { ["AllowedHosts"] = "hybridspa.localhost" });
        using var client = app.CreateClient(new ProxyHeaders(Host: "attacker.example", ForwardedHost: "attacker.example"));

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    private static string RedirectUriOf(HttpResponseMessage challenge)
    {
        Assert.True(challenge.StatusCode == HttpStatusCode.Redirect, $"{(int)challenge.StatusCode} {challenge.Headers.Location}");
        return QueryHelpers.ParseQuery(challenge.Headers.Location!.Query)["redirect_uri"].ToString();
    }
}
