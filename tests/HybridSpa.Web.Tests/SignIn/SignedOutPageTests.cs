using HybridSpa.Web.Tests.Infrastructure;

namespace HybridSpa.Web.Tests.SignIn;

/// <summary>The signed-out callback follows only a state the sign-out protected.</summary>
public sealed class SignedOutPageTests(HybridSpaFactory factory) : IClassFixture<HybridSpaFactory>
{
    [Fact]
    public async Task Signed_out_callback_with_forged_state_goes_to_the_signed_out_page()
    {
        using var browser = factory.CreateBrowser();

        var response = await browser.GetAsync("/signout-callback-oidc?state=forged");

        Assert.Equal("/account/signed-out", response.Headers.Location!.OriginalString);
    }
}
