using System.Net;
using HybridSpa.EntraEmulator.Tests.Support;

namespace HybridSpa.EntraEmulator.Tests;

/// <summary>consumers serves personal accounts only, organizations work and school accounts only; a grant is redeemed only where it could have been issued.</summary>
public sealed class AuthorityAccountTypeTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly HttpClient _client = fixture.CreateClient();

    private EntraEmulatorHost Host => fixture.Host;

    public void Dispose() => _client.Dispose();

    [Theory]
    [InlineData("consumers", TestUsers.Adele, 50020)]
    [InlineData(DevelopmentDefaults.ConsumersTenantId, TestUsers.Adele, 50020)]
    [InlineData("organizations", TestUsers.Megan, 500200)]
    public async Task Account_of_the_wrong_type_is_refused_on_the_sign_in_page_and_gets_no_code(string tenant, string user, int aadsts)
    {
        using var browser = new Browser(Host);
        var page = await browser.AuthorizeAsync(new AuthorizeRequest { Tenant = tenant });

        var refused = await browser.SubmitAsync(page, "signin", user, tenant: tenant);
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"AADSTS{aadsts}: ", html, StringComparison.Ordinal);
        Assert.Contains("value=\"signin\"", html, StringComparison.Ordinal);
        Assert.Null(await AuthorizeResponse.TryReadAsync(refused));
        Assert.DoesNotContain(browser.Cookies.GetCookies(Host.BaseAddress), c => c.Name == "ESTSAUTH");
    }

    [Fact]
    public async Task Work_account_at_organizations_and_personal_account_at_consumers_sign_in()
    {
        using var browser = new Browser(Host);
        var work = new AuthorizeRequest { Tenant = "organizations" };
        var personal = new AuthorizeRequest { Tenant = "consumers" };

        var workCode = (await browser.SignInAsync(work, TestUsers.Adele))["code"];
        var personalCode = (await new Browser(Host).SignInAsync(personal, TestUsers.Megan))["code"];
        var workTokens = await TokenResponse.SendAsync(_client, Flows.WebRedemption(Host, workCode, work.Pkce!.Verifier, returnSpaCode: false).At(Host, "organizations"));
        var personalTokens = await TokenResponse.SendAsync(_client, Flows.WebRedemption(Host, personalCode, personal.Pkce!.Verifier, returnSpaCode: false).At(Host, "consumers"));

        Assert.Equal(DevelopmentDefaults.TenantId, Jwt.Claim(workTokens["id_token"], "tid"));
        Assert.Equal(DevelopmentDefaults.ConsumersTenantId, Jwt.Claim(personalTokens["id_token"], "tid"));
    }

    [Fact]
    public async Task Work_account_signed_in_to_the_browser_is_not_used_silently_at_consumers()
    {
        using var browser = new Browser(Host);
        await browser.SignInAsync(new AuthorizeRequest(), TestUsers.Adele);

        var sso = await browser.AuthorizeAsync(new AuthorizeRequest { Tenant = "consumers" });
        var silent = await AuthorizeResponse.TryReadAsync(await browser.AuthorizeAsync(new AuthorizeRequest { Tenant = "consumers", Prompt = "none" }));

        Assert.Contains("value=\"signin\"", await sso.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("login_required", silent!["error"]);
    }

    [Theory]
    [InlineData("consumers")]
    [InlineData(DevelopmentDefaults.ConsumersTenantId)]
    public async Task Work_account_code_issued_at_the_tenant_is_refused_at_the_consumer_authority_with_AADSTS700005(string tenant)
    {
        var (code, request) = await Flows.CodeAsync(Host);

        var response = await TokenResponse.SendAsync(_client, Flows.WebRedemption(Host, code, request.Pkce!.Verifier).At(Host, tenant));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_grant", 700005);
    }

    [Fact]
    public async Task Personal_account_code_issued_at_consumers_is_refused_at_organizations_with_AADSTS700005()
    {
        var (code, request) = await Flows.CodeAsync(Host, new AuthorizeRequest { Tenant = "consumers" }, TestUsers.Megan);

        var response = await TokenResponse.SendAsync(_client, Flows.WebRedemption(Host, code, request.Pkce!.Verifier, returnSpaCode: false).At(Host, "organizations"));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_grant", 700005);
    }

    [Fact]
    public async Task Guest_code_issued_at_the_tenant_is_refused_at_organizations_which_serves_no_personal_account()
    {
        var (code, request) = await Flows.CodeAsync(Host, new AuthorizeRequest(), TestUsers.Megan);

        var response = await TokenResponse.SendAsync(_client, Flows.WebRedemption(Host, code, request.Pkce!.Verifier, returnSpaCode: false).At(Host, "organizations"));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_grant", 700005);
    }

    [Fact]
    public async Task Work_account_code_is_redeemed_at_common_and_organizations_too()
    {
        var (first, firstRequest) = await Flows.CodeAsync(Host);
        var (second, secondRequest) = await Flows.CodeAsync(Host);

        var atCommon = await TokenResponse.SendAsync(_client, Flows.WebRedemption(Host, first, firstRequest.Pkce!.Verifier).At(Host, "common"));
        var atOrganizations = await TokenResponse.SendAsync(_client, Flows.WebRedemption(Host, second, secondRequest.Pkce!.Verifier).At(Host, "organizations"));

        Assert.Equal(HttpStatusCode.OK, atCommon.Status);
        Assert.Equal(HttpStatusCode.OK, atOrganizations.Status);
    }

    [Fact]
    public async Task Work_account_refresh_token_is_refused_at_consumers_with_AADSTS700005()
    {
        var (code, request) = await Flows.CodeAsync(Host);
        var tokens = await TokenResponse.SendAsync(_client, Flows.WebRedemption(Host, code, request.Pkce!.Verifier, returnSpaCode: false));
        var refresh = SpaRequests.Create(Host, origin: null,
        [
            new("client_id", DevelopmentDefaults.ClientId), new("client_secret", DevelopmentDefaults.ClientSecret), new("grant_type", "refresh_token"),
            new("refresh_token", tokens["refresh_token"]!), new("scope", "User.Read openid profile offline_access"),
        ]).At(Host, "consumers");

        var response = await TokenResponse.SendAsync(_client, refresh);

        response.AssertError(HttpStatusCode.BadRequest, "invalid_grant", 700005);
    }
}
