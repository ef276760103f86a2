using System.Net;
using HybridSpa.Web.Tests.Infrastructure;

namespace HybridSpa.Web.Tests.Profile;

/// <summary>Names and addresses are rendered each in its own bidi isolate, so an override in one ends where the value ends.</summary>
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

    [Fact]
    public async Task A_right_to_left_override_in_the_user_principal_name_or_mail_stays_inside_its_isolate()
    {
        _factory.Graph.UserPrincipalName = "ada\u202Emoc.evil@contoso.test";
        _factory.Graph.Mail = "ada\u202Egro.evil@contoso.test";
        using var browser = _factory.CreateBrowser();
        await SignInDriver.SignInAsync(_factory, browser, TestUser.Create());

        var page = await (await browser.GetAsync("/profile")).Content.ReadAsStringAsync();

        Assert.Contains("<dd id=\"profile-upn\"><bdi>ada&#x202E;moc.evil@contoso.test</bdi></dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"profile-mail\"><bdi>ada&#x202E;gro.evil@contoso.test</bdi></dd>", page, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
