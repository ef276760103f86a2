using System.Net;
using HybridSpa.Web.Tests.Infrastructure;

namespace HybridSpa.Web.Tests.Profile;

/// <summary>A name the user chose is rendered in its own bidi isolate, so an override in it ends where the name ends.</summary>
public sealed class ProfileNameIsolationTests : IDisposable
{
    private readonly HybridSpaFactory _factory = new();

    [Fact]
    public async Task A_right_to_left_override_in_the_display_name_stays_inside_the_names_isolate()
    {
        // Shown without isolation, U+202E reverses what follows it: "gpj.exe" would read "exe.jpg".
        _factory.Graph.DisplayName = "Mallory\u202Egpj.exe";
        using var browser = _factory.CreateBrowser();
        await SignInDriver.SignInAsync(_factory, browser, TestUser.Create());

        var response = await browser.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<dd id=\"profile-name\"><bdi>Mallory&#x202E;gpj.exe</bdi></dd>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
