using HybridSpa.Web.Profile;
using HybridSpa.Web.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace HybridSpa.Web.Tests.Profile;

public sealed class MailPageOptionsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("c1")]
    [InlineData("c99")]
    public void Authentication_context_may_be_empty_or_an_id_from_c1_to_c99(string context) =>
        Assert.True(new MailPageOptionsValidator().Validate(null, new MailPageOptions { AuthenticationContext = context }).Succeeded);

    [Theory]
    [InlineData("C1")]
    [InlineData("c0")]
    [InlineData("c100")]
    [InlineData("c01")]
    [InlineData(" c1")]
    [InlineData("mfa")]
    public void Anything_else_is_refused(string context) =>
        Assert.True(new MailPageOptionsValidator().Validate(null, new MailPageOptions { AuthenticationContext = context }).Failed);

    [Fact]
    public void The_app_does_not_start_with_an_invalid_authentication_context()
    {
        using var factory = new HybridSpaFactory();
        factory.Settings["Profile:Mail:AuthenticationContext"] = "stepup";

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Profile:Mail:AuthenticationContext", error.Message, StringComparison.Ordinal);
    }
}
