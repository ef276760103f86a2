using HybridSpa.Web.Configuration;
using HybridSpa.Web.Security;
using HybridSpa.Web.SignIn;
using HybridSpa.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;

namespace HybridSpa.Web.Tests.Configuration;

public sealed class OptionsValidationTests
{
    [Fact]
    public void Unset_production_placeholders_fail_with_messages_naming_the_key_and_the_doc()
    {
        var result = Validate(new MicrosoftIdentityOptions { Instance = "https://login.microsoftonline.com/", TenantId = "", ClientId = "" });

        Assert.True(result.Failed);
        Assert.Contains("AzureAd:ClientId is not set — see docs/real-tenant.md", result.Failures);
        Assert.Contains("AzureAd:TenantId is not set — see docs/real-tenant.md", result.Failures);
        Assert.Contains(result.Failures, f => f.StartsWith("AzureAd:ClientSecret is not set", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://login.microsoftonline.com/", "AzureAd:Instance must be an absolute https URL")]
    [InlineData("not a url", "AzureAd:Instance must be an absolute https URL")]
    public void Instance_must_be_https(string instance, string message)
    {
        var result = Validate(Valid(o => o.Instance = instance));

        Assert.Contains(result.Failures!, f => f.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Client_id_must_be_a_guid_and_paths_must_be_rooted()
    {
        var result = Validate(Valid(o =>
        {
            o.ClientId = "my-app";
            o.CallbackPath = PathString.Empty;
        }));

        Assert.Contains(result.Failures!, f => f.StartsWith("AzureAd:ClientId 'my-app' is not a GUID", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("AzureAd:CallbackPath must start with '/'", StringComparison.Ordinal));
    }

    [Fact]
    public void Host_refuses_to_start_with_a_callback_path_that_is_not_rooted_naming_the_key()
    {
        using var factory = new HybridSpaFactory();
        factory.Settings["AzureAd:CallbackPath"] = "signin-oidc";

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("AzureAd:CallbackPath", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_authority_given_instead_of_instance_and_tenant_is_validated_by_its_parts()
    {
        var result = Validate(Valid(o =>
        {
            o.Instance = "";
            o.TenantId = "";
            o.Authority = "http://idp.example/not-a-tenant/v2.0";
        }));

        Assert.Contains(result.Failures!, f => f.StartsWith("AzureAd:Instance must be an absolute https URL", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("AzureAd:TenantId 'not-a-tenant' is neither a GUID", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_the_default_sign_in_scheme_is_validated()
    {
        Assert.True(new AzureAdValidator(SignInSchemes.OpenIdConnect).Validate(SignInSchemes.OpenIdConnectWithoutSpaCode, new MicrosoftIdentityOptions()).Skipped);
    }

    [Fact]
    public void Known_proxies_and_networks_that_do_not_parse_fail_naming_the_entry()
    {
        var options = new KnownProxiesOptions { KnownProxies = { "10.0.0.4", "proxy.internal" }, KnownNetworks = { "10.0.0.0/24", "10.0.0.0" } };

        var result = new KnownProxiesOptionsValidator().Validate(null, options);

        Assert.Equal(
            [
                "ForwardedHeaders:KnownProxies:1 'proxy.internal' is not an IP address, e.g. 10.0.0.4 — see docs/deploy.md",
                "ForwardedHeaders:KnownNetworks:1 '10.0.0.0' is not a network in CIDR notation, e.g. 10.0.0.0/24 — see docs/deploy.md",
            ],
            result.Failures);
    }

    [Fact]
    public void A_known_proxy_that_does_not_parse_stops_the_app_at_startup()
    {
        using var factory = new HybridSpaFactory();
        factory.Settings["ForwardedHeaders:KnownProxies:0"] = "proxy.internal";

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = failure as OptionsValidationException ?? failure.InnerException as OptionsValidationException;
        Assert.True(validation is not null, $"Expected the options validation to stop the app, got: {failure}");
        Assert.Contains("ForwardedHeaders:KnownProxies:0 'proxy.internal' is not an IP address", validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_configuration_passes()
    {
        Assert.True(Validate(Valid(_ => { })).Succeeded);
        Assert.True(new SpaOptionsValidator().Validate(null, new SpaOptions { RedirectUri = "https://localhost:5001/" }).Succeeded);
    }

    [Fact]
    public void Spa_redirect_uri_and_graph_scopes_are_required()
    {
        Assert.Contains("Spa:RedirectUri is not set", new SpaOptionsValidator().Validate(null, new SpaOptions()).FailureMessage, StringComparison.Ordinal);
        Assert.Contains("DownstreamApis:Graph:Scopes", new GraphApiOptionsValidator().Validate(null, new GraphApiOptions()).FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00", false)]
    [InlineData("00:10:00", false)]
    [InlineData("00:00:30", true)]
    public void Graph_timeout_is_between_zero_and_five_minutes(string timeout, bool valid)
    {
        var options = new GraphApiOptions { Timeout = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture) };
        options.Scopes.Add("User.Read");

        var result = new GraphApiOptionsValidator().Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
        Assert.Equal(valid, result.FailureMessage?.Contains("DownstreamApis:Graph:Timeout", StringComparison.Ordinal) != true);
    }

    [Fact]
    public void Host_refuses_to_start_with_a_missing_client_id()
    {
        using var factory = new HybridSpaFactory();
        factory.Settings["AzureAd:ClientId"] = "";

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("AzureAd:ClientId is not set — see docs/real-tenant.md", error.Message, StringComparison.Ordinal);
    }

    private static ValidateOptionsResult Validate(MicrosoftIdentityOptions options) =>
        new AzureAdValidator(SignInSchemes.OpenIdConnect).Validate(SignInSchemes.OpenIdConnect, options);

    private static MicrosoftIdentityOptions Valid(Action<MicrosoftIdentityOptions> change)
    {
        var options = new MicrosoftIdentityOptions
        {
            Instance = "https://login.microsoftonline.com/", TenantId = TestSettings.TenantId, ClientId = TestSettings.ClientId, ClientSecret = "s",
        };
        change(options);
        return options;
    }
}
