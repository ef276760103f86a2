using HybridSpa.Web.Configuration;
using HybridSpa.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Web;

namespace HybridSpa.Web.Tests.Configuration;

public sealed class SignInSettingsTests
{
    private static readonly SpaOptions Spa = new() { RedirectUri = "https://app.example:8443/" };

    [Fact]
    public void Authority_origin_and_known_authority_come_from_instance_and_tenant()
    {
        var settings = SignInSettings.Resolve(Options(o => o.Instance = "https://login.microsoftonline.com"), Spa);

        Assert.Equal($"https://login.microsoftonline.com/{TestSettings.TenantId}/", settings.Authority);
        Assert.Equal("https://login.microsoftonline.com", settings.IdentityProviderOrigin);
        Assert.Equal("login.microsoftonline.com", settings.KnownAuthority);
    }

    [Fact]
    public void An_authority_given_without_instance_and_tenant_resolves_to_the_same_authority()
    {
        var settings = SignInSettings.Resolve(Options(o =>
        {
            o.Instance = "";
            o.TenantId = "";
            o.Authority = $"https://idp.example:9443/{TestSettings.TenantId}/v2.0";
        }), Spa);

        Assert.Equal($"https://idp.example:9443/{TestSettings.TenantId}/", settings.Authority);
        Assert.Equal(TestSettings.TenantId, settings.TenantId);
        Assert.Equal("https://idp.example:9443", settings.IdentityProviderOrigin);
        Assert.Equal("idp.example:9443", settings.KnownAuthority);
    }

    [Fact]
    public void Redirect_uris_are_on_the_public_origin_of_the_spa_redirect_uri()
    {
        var settings = SignInSettings.Resolve(Options(o =>
        {
            o.CallbackPath = "/auth/callback";
            o.SignedOutCallbackPath = "/auth/signed-out";
        }), Spa);

        Assert.Equal("https://app.example:8443", settings.PublicOrigin);
        Assert.Equal("https://app.example:8443/auth/callback", settings.WebRedirectUri);
        Assert.Equal("https://app.example:8443/auth/signed-out", settings.PostLogoutRedirectUri);
        Assert.Equal("https://app.example:8443/account/silent-callback", settings.PublicUri("/account/silent-callback"));
        Assert.Equal(new PathString("/auth/callback"), settings.CallbackPath);
    }

    [Fact]
    public void The_running_app_resolves_the_settings_from_the_azure_ad_section_as_identity_web_binds_it()
    {
        using var factory = new HybridSpaFactory();
        factory.Settings["AzureAd:WithSpaAuthCode"] = "false";
        factory.Settings["AzureAd:CallbackPath"] = "/auth/callback";

        var settings = factory.Services.GetRequiredService<SignInSettings>();

        Assert.False(settings.SpaCodeRequested);
        Assert.Equal(TestSettings.ClientId, settings.ClientId);
        Assert.Equal(new PathString("/auth/callback"), settings.CallbackPath);
        Assert.Equal(TestSettings.Origin + "/auth/callback", settings.WebRedirectUri);
    }

    private static MicrosoftIdentityOptions Options(Action<MicrosoftIdentityOptions> change)
    {
        var options = new MicrosoftIdentityOptions { Instance = "https://login.microsoftonline.com/", TenantId = TestSettings.TenantId, ClientId = TestSettings.ClientId };
        change(options);
        return options;
    }
}
