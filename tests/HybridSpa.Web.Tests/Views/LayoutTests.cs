using System.Net;
using System.Text.RegularExpressions;
using HybridSpa.Web.Tests.Infrastructure;

namespace HybridSpa.Web.Tests.Views;

/// <summary>
/// One layout for the server's pages: the SPA's stylesheet (from the Vite manifest), the header with Home, Profile and Mail,
/// and, for a signed-in user, their name and a sign-out form that posts what the SPA's sign-out posts.
/// </summary>
public sealed partial class LayoutTests(HybridSpaFactory factory) : IClassFixture<HybridSpaFactory>
{
    private const string Stylesheet = "<link rel=\"stylesheet\" href=\"/app/assets/main-def456.css\" />";

    [Theory]
    [InlineData("/error/404")]
    [InlineData("/account/signed-out")]
    [InlineData("/account/access-denied")]
    public async Task A_server_page_links_the_SPAs_stylesheet_and_the_navigation_and_has_one_h1(string path)
    {
        using var browser = factory.CreateBrowser();

        var page = await (await browser.GetAsync(path)).Content.ReadAsStringAsync();

        Assert.Contains(Stylesheet, page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/profile\">Profile</a>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/profile/mail\">Mail</a>", page, StringComparison.Ordinal);
        Assert.Single(H1().Matches(page));
        Assert.DoesNotContain(" style=", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_profile_page_names_the_user_marks_where_they_are_and_its_sign_out_form_signs_out()
    {
        using var browser = factory.CreateBrowser();
        await SignInDriver.SignInAsync(factory, browser, TestUser.Create());

        var page = await (await browser.GetAsync("/profile")).Content.ReadAsStringAsync();

        Assert.Contains("<bdi class=\"signed-in-as\">", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/profile\" aria-current=\"page\">Profile</a>", page, StringComparison.Ordinal);
        var form = SignOutForm().Match(page);
        Assert.True(form.Success, "No sign-out form on the profile page.");
        var signOut = await browser.PostFormAsync("/account/signout", [new(form.Groups["field"].Value, WebUtility.HtmlDecode(form.Groups["token"].Value))]);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.DoesNotContain(browser.Cookies.Keys, name => name == SignInDriver.AuthCookie);
    }

    [Fact]
    public async Task An_error_page_shows_no_user_and_no_sign_out_form_it_could_not_prepare()
    {
        using var browser = factory.CreateBrowser();
        await SignInDriver.SignInAsync(factory, browser, TestUser.Create());

        var page = await (await browser.GetAsync("/no/such/page")).Content.ReadAsStringAsync();

        Assert.Contains(Stylesheet, page, StringComparison.Ordinal);
        Assert.DoesNotContain("signed-in-as", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/account/signout", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("<h1[ >]")]
    private static partial Regex H1();

    [GeneratedRegex("""<form class="sign-out-form" method="post" action="/account/signout">\s*<input name="(?<field>[^"]+)" type="hidden" value="(?<token>[^"]+)" />""")]
    private static partial Regex SignOutForm();
}
