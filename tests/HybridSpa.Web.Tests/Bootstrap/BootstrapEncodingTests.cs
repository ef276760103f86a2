using System.Net;
using HybridSpa.Web.SpaHost;
using HybridSpa.Web.Tests.Infrastructure;
using HybridSpa.Web.Tests.SignIn;

namespace HybridSpa.Web.Tests.Bootstrap;

public sealed class BootstrapEncodingTests(HybridSpaFactory factory) : IClassFixture<HybridSpaFactory>
{
    private const string Hostile = "</script><img src=x onerror=alert(1)>&'\"";

    [Fact]
    public void Serializer_escapes_markup_characters_and_round_trips()
    {
        var model = new BootstrapModel(
            clientId: "c", authority: "a/", knownAuthorities: ["h"], authorityMetadata: "{\"issuer\":\"</script>\"}", redirectUri: "r",
            scopes: ["s"], graphBaseUrl: "g", spaCode: Hostile, loginHint: Hostile, sid: null, bootstrapByRedirect: false,
            spaCodeRequested: true, silentRedirectUri: null, freshSpaCodeUrl: "/f", sessionStatusUrl: "/s",
            signOut: new SignOutBootstrap(url: "/o", antiforgeryUrl: "/o/t"),
            pages: new SitePages(home: "/", profile: "/p", profileMail: "/p/m", signedOut: "/bye"));

        var json = BootstrapSerializer.Serialize(model);

        foreach (var raw in new[] { "<", ">", "&", "'" })
        {
            Assert.DoesNotContain(raw, json, StringComparison.Ordinal);
        }

        Assert.Contains("\\u003C/script\\u003E", json, StringComparison.Ordinal);
        Assert.Equal(model with { KnownAuthorities = null!, Scopes = null! }, BootstrapSerializer.Deserialize(json)! with { KnownAuthorities = null!, Scopes = null! });
        Assert.Contains("\"spaCode\":", json, StringComparison.Ordinal);
        Assert.Contains("\"sid\":null", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_name_and_login_hint_stay_inert_in_the_page()
    {
        using var browser = factory.CreateBrowser();
        await SignInDriver.SignInAsync(factory, browser, TestUser.Create(name: Hostile, loginHint: Hostile), spaCode: Hostile);

        var page = await browser.GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("</script>").Length - 1);
        var bootstrap = await SignInFlowTests.BootstrapOf(await Replay(html));
        Assert.Equal(Hostile, bootstrap.LoginHint);
        Assert.Equal(Hostile, bootstrap.SpaCode);
    }

    [Fact]
    public async Task Missing_bundle_manifest_says_run_the_build_instead_of_failing()
    {
        using var noBundle = new NoBundleFactory();
        using var browser = noBundle.CreateBrowser();
        await SignInDriver.SignInAsync(noBundle, browser, TestUser.Create());

        var page = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Run the build", html, StringComparison.Ordinal);
        Assert.Contains("id=\"hybridspa-bootstrap\"", html, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Replay(string html) =>
        Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(html) });

    private sealed class NoBundleFactory : HybridSpaFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions.UseWebRoot(builder, Path.Combine(Path.GetTempPath(), "hybridspa-empty-" + Guid.NewGuid().ToString("N")));
        }
    }
}
