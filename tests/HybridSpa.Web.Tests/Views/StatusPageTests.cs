using System.Net;
using System.Net.Http.Headers;
using HybridSpa.Web.Tests.Infrastructure;

namespace HybridSpa.Web.Tests.Views;

/// <summary>The status code pages answer with their status and say, in words, what happened and what to do.</summary>
public sealed class StatusPageTests(HybridSpaFactory factory) : IClassFixture<HybridSpaFactory>
{
    [Fact]
    public async Task The_404_page_asked_for_directly_answers_404()
    {
        using var browser = factory.CreateBrowser();

        var response = await browser.GetAsync("/error/404");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_that_is_not_an_error_is_not_served_as_a_page_with_that_status()
    {
        using var browser = factory.CreateBrowser();

        var response = await browser.GetAsync("/error/200");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_form_post_whose_body_cannot_be_read_gets_a_400_page_that_says_what_happened_not_a_status_of_0()
    {
        using var browser = factory.CreateBrowser();
        // A multipart form without its boundary: antiforgery cannot read the form (400), nor could the re-executed error page.
        var body = new StringContent("statusCode=7");
        body.Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data");

        var response = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/account/signout") { Content = body }, crossSite: false);

        var page = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {page}");
        Assert.Contains("The request could not be read", page, StringComparison.Ordinal);
        Assert.Contains("Go back to the start page and try again.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("(0)", page, StringComparison.Ordinal);
    }
}
