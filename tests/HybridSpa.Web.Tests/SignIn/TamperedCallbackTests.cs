using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using HybridSpa.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace HybridSpa.Web.Tests.SignIn;

/// <summary>
/// Each case tampers with one part of the callback; none may sign in and none may produce a 5xx. The checks the app adds to the
/// handler's are <see cref="TokenResponseValidationTests"/>; the error page a refused sign-in ends on, <see cref="SignInErrorPageTests"/>.
/// </summary>
public sealed class TamperedCallbackTests(HybridSpaFactory factory) : IClassFixture<HybridSpaFactory>
{
    [Fact]
    public async Task Control_the_untampered_callback_helper_signs_in()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);

        var response = await SignInDriver.CallbackWithIdTokenAsync(factory, browser, authorize, new IdTokenBuilder(TestUser.Create(), authorize.Nonce));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(browser.LastSetCookies, c => c.Name == SignInDriver.AuthCookie);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    // ---- state and correlation

    [Fact]
    public async Task Missing_state_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        await SignInDriver.ChallengeAsync(browser);
        var code = ScriptValidTokens(TestUser.Create(), nonce: "n");

        var response = await SignInDriver.CallbackAsync(browser, ("code", code));

        await AssertRejectedBeforeRedemption(browser, response, code);
    }

    [Fact]
    public async Task Garbage_state_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        await SignInDriver.ChallengeAsync(browser);
        var code = ScriptValidTokens(TestUser.Create(), nonce: "n");

        var response = await SignInDriver.CallbackAsync(browser, ("code", code), ("state", "CfDJ8garbage-state"));

        await AssertRejectedBeforeRedemption(browser, response, code);
    }

    [Fact]
    public async Task State_protected_for_another_scheme_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);
        var forged = Reprotect(authorize.State, typeof(OpenIdConnectHandler).FullName!, "OtherScheme", "v1");
        var code = ScriptValidTokens(TestUser.Create(), authorize.Nonce);

        var response = await SignInDriver.CallbackAsync(browser, ("code", code), ("state", forged));

        await AssertRejectedBeforeRedemption(browser, response, code);
    }

    [Fact]
    public async Task State_protected_for_another_purpose_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);
        var forged = Reprotect(authorize.State, "HybridSpa.TokenCache", "v1");
        var code = ScriptValidTokens(TestUser.Create(), authorize.Nonce);

        var response = await SignInDriver.CallbackAsync(browser, ("code", code), ("state", forged));

        await AssertRejectedBeforeRedemption(browser, response, code);
    }

    [Fact]
    public async Task Missing_correlation_cookie_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);
        using var other = factory.CreateBrowser();
        var code = ScriptValidTokens(TestUser.Create(), authorize.Nonce);

        // Another browser (no cookies at all) posts this browser's response: a login CSRF attempt.
        var response = await SignInDriver.CallbackAsync(other, ("code", code), ("state", authorize.State));

        await AssertRejectedBeforeRedemption(other, response, code);
    }

    [Fact]
    public async Task Correlation_cookie_of_another_sign_in_is_rejected()
    {
        using var victim = factory.CreateBrowser();
        var victimAuthorize = await SignInDriver.ChallengeAsync(victim);
        using var attacker = factory.CreateBrowser();
        var attackerAuthorize = await SignInDriver.ChallengeAsync(attacker);
        var code = ScriptValidTokens(TestUser.Create(), attackerAuthorize.Nonce);

        // The victim holds its own correlation cookie; the attacker's state names a different one.
        var response = await SignInDriver.CallbackAsync(victim, ("code", code), ("state", attackerAuthorize.State));

        Assert.NotNull(victimAuthorize);
        await AssertRejectedBeforeRedemption(victim, response, code);
    }

    [Fact]
    public async Task Replayed_callback_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        var user = TestUser.Create();
        var authorize = await SignInDriver.ChallengeAsync(browser);
        var code = ScriptValidTokens(user, authorize.Nonce);
        var first = await SignInDriver.CallbackAsync(browser, ("code", code), ("state", authorize.State));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using var replayer = factory.CreateBrowser();

        var replay = await SignInDriver.CallbackAsync(replayer, ("code", code), ("state", authorize.State));

        await SignInDriver.AssertNotSignedInAsync(replayer, replay);
    }

    // ---- nonce

    [Fact]
    public async Task Missing_nonce_cookie_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);
        foreach (var name in browser.Cookies.Keys.Where(n => n.StartsWith(OpenIdConnectDefaults.CookieNoncePrefix, StringComparison.Ordinal)).ToList())
        {
            ((Dictionary<string, Microsoft.Net.Http.Headers.SetCookieHeaderValue>)browser.Cookies).Remove(name);
        }

        var response = await SignInDriver.CallbackWithIdTokenAsync(factory, browser, authorize, new IdTokenBuilder(TestUser.Create(), authorize.Nonce));

        await SignInDriver.AssertNotSignedInAsync(browser, response);
    }

    // ---- id_token signature and algorithm

    [Fact]
    public async Task Hs256_signed_with_the_client_secret_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);
        var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(TestSettings.ClientSecret));

        var response = await SignInDriver.CallbackWithIdTokenAsync(factory, browser, authorize, new IdTokenBuilder(TestUser.Create(), authorize.Nonce)
            .SignedWith(new SigningCredentials(secret, SecurityAlgorithms.HmacSha256)));

        await SignInDriver.AssertNotSignedInAsync(browser, response);
    }

    [Fact]
    public async Task Token_signed_by_an_unknown_key_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);

        var response = await SignInDriver.CallbackWithIdTokenAsync(factory, browser, authorize, new IdTokenBuilder(TestUser.Create(), authorize.Nonce)
            .SignedWith(new SigningCredentials(TestKeys.Unknown, SecurityAlgorithms.RsaSha256)));

        await SignInDriver.AssertNotSignedInAsync(browser, response);
    }

    [Fact]
    public async Task Token_with_published_kid_but_another_keys_signature_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);
        var impostor = new RsaSecurityKey(TestKeys.Unknown.Rsa) { KeyId = TestKeys.Published.KeyId };

        var response = await SignInDriver.CallbackWithIdTokenAsync(factory, browser, authorize, new IdTokenBuilder(TestUser.Create(), authorize.Nonce)
            .SignedWith(new SigningCredentials(impostor, SecurityAlgorithms.RsaSha256)));

        await SignInDriver.AssertNotSignedInAsync(browser, response);
    }

    [Fact]
    public async Task Rs384_is_rejected_even_with_a_published_key()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);

        var response = await SignInDriver.CallbackWithIdTokenAsync(factory, browser, authorize, new IdTokenBuilder(TestUser.Create(), authorize.Nonce)
            .SignedWith(new SigningCredentials(TestKeys.Published, SecurityAlgorithms.RsaSha384)));

        await SignInDriver.AssertNotSignedInAsync(browser, response);
    }

    // ---- id_token claims

    [Theory]
    [InlineData("https://evil.test/6a1f4b0e-2d3c-4e5f-8a9b-0c1d2e3f4a5b/v2.0")]
    [InlineData("https://idp.test/00000000-0000-0000-0000-000000000001/v2.0")]
    [InlineData("https://idp.test/{tenantid}/v2.0")]
    public async Task Wrong_issuer_is_rejected(string issuer)
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);

        var response = await SignInDriver.CallbackWithIdTokenAsync(factory, browser, authorize, new IdTokenBuilder(TestUser.Create(), authorize.Nonce).With("iss", issuer));

        await SignInDriver.AssertNotSignedInAsync(browser, response);
    }

    [Fact]
    public async Task Wrong_audience_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);

        var response = await SignInDriver.CallbackWithIdTokenAsync(factory, browser, authorize, new IdTokenBuilder(TestUser.Create(), authorize.Nonce).With("aud", Guid.NewGuid().ToString()));

        await SignInDriver.AssertNotSignedInAsync(browser, response);
    }

    [Fact]
    public async Task Expired_token_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var response = await SignInDriver.CallbackWithIdTokenAsync(factory, browser, authorize, new IdTokenBuilder(TestUser.Create(), authorize.Nonce)
            .With("iat", now - 7200).With("nbf", now - 7200).With("exp", now - 600));

        await SignInDriver.AssertNotSignedInAsync(browser, response);
    }

    [Fact]
    public async Task Not_yet_valid_token_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var response = await SignInDriver.CallbackWithIdTokenAsync(factory, browser, authorize, new IdTokenBuilder(TestUser.Create(), authorize.Nonce)
            .With("nbf", now + 900).With("exp", now + 4500));

        await SignInDriver.AssertNotSignedInAsync(browser, response);
    }

    [Fact]
    public async Task Token_without_exp_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);

        var response = await SignInDriver.CallbackWithIdTokenAsync(factory, browser, authorize, new IdTokenBuilder(TestUser.Create(), authorize.Nonce).Without("exp"));

        await SignInDriver.AssertNotSignedInAsync(browser, response);
    }

    [Fact]
    public async Task Token_without_iat_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);

        var response = await SignInDriver.CallbackWithIdTokenAsync(factory, browser, authorize, new IdTokenBuilder(TestUser.Create(), authorize.Nonce).Without("iat"));

        await SignInDriver.AssertNotSignedInAsync(browser, response);
    }

    // ---- token endpoint answers

    [Fact]
    public async Task Token_endpoint_server_error_is_not_a_5xx()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);
        var code = SignInDriver.NewCode();
        factory.Idp.OnCode(code, _ => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>proxy</html>") });

        var response = await SignInDriver.CallbackAsync(browser, ("code", code), ("state", authorize.State));

        await SignInDriver.AssertNotSignedInAsync(browser, response);
    }

    [Fact]
    public async Task Missing_code_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);

        var response = await SignInDriver.CallbackAsync(browser, ("state", authorize.State));

        await SignInDriver.AssertNotSignedInAsync(browser, response);
    }

    // ---- authorize endpoint errors

    [Fact]
    public async Task Access_denied_goes_to_the_access_denied_page()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);

        var response = await SignInDriver.CallbackAsync(browser, ("error", "access_denied"),
            ("error_description", "AADSTS65004: User declined to consent to access the app."), ("state", authorize.State));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", new Uri(new Uri(TestSettings.Origin), response.Headers.Location!).AbsolutePath);
        await SignInDriver.AssertNotSignedInAsync(browser, response);
    }

    [Fact]
    public async Task Error_page_refuses_to_reflect_markup()
    {
        using var browser = factory.CreateBrowser();

        var page = await browser.GetAsync("/error/sign-in?error=%3Cscript%3Ealert(1)%3C/script%3E&aadsts=1%3Cb%3E&correlationId=%3Ci%3E");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("alert(1)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }

    // ---- transport shape

    [Fact]
    public async Task Get_with_id_token_in_query_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);
        var idToken = new IdTokenBuilder(TestUser.Create(), authorize.Nonce).Build();

        var response = await browser.GetAsync($"/signin-oidc?state={Uri.EscapeDataString(authorize.State)}&id_token={idToken}&code=abc");

        await SignInDriver.AssertNotSignedInAsync(browser, response);
    }

    [Fact]
    public async Task Json_body_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);
        var code = ScriptValidTokens(TestUser.Create(), authorize.Nonce);
        var request = new HttpRequestMessage(HttpMethod.Post, "/signin-oidc")
        {
            Content = new StringContent($"{{\"code\":\"{code}\",\"state\":\"{authorize.State}\"}}", Encoding.UTF8, "application/json"),
        };

        var response = await browser.SendAsync(request, crossSite: true);

        await AssertRejectedBeforeRedemption(browser, response, code);
    }

    [Fact]
    public async Task Multipart_body_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);
        var code = ScriptValidTokens(TestUser.Create(), authorize.Nonce);
        var content = new MultipartFormDataContent { { new StringContent(code), "code" }, { new StringContent(authorize.State), "state" } };

        var response = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/signin-oidc") { Content = content }, crossSite: true);

        await AssertRejectedBeforeRedemption(browser, response, code);
    }

    [Fact]
    public async Task Oversized_form_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);
        var code = ScriptValidTokens(TestUser.Create(), authorize.Nonce);

        var response = await SignInDriver.CallbackAsync(browser, ("code", code), ("state", authorize.State), ("padding", new string('x', 200_000)));

        await AssertRejectedBeforeRedemption(browser, response, code);
    }

    [Fact]
    public async Task Form_with_too_many_fields_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);
        var code = ScriptValidTokens(TestUser.Create(), authorize.Nonce);
        var fields = new[] { ("code", code), ("state", authorize.State) }.Concat(Enumerable.Range(0, 100).Select(i => ($"f{i}", "v"))).ToArray();

        var response = await SignInDriver.CallbackAsync(browser, fields);

        await AssertRejectedBeforeRedemption(browser, response, code);
    }

    [Fact]
    public async Task Repeated_state_parameter_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);
        var code = ScriptValidTokens(TestUser.Create(), authorize.Nonce);

        var response = await SignInDriver.CallbackAsync(browser, ("code", code), ("state", authorize.State), ("state", "other"));

        await AssertRejectedBeforeRedemption(browser, response, code);
    }

    [Fact]
    public async Task Binary_garbage_form_is_not_a_5xx()
    {
        using var browser = factory.CreateBrowser();
        await SignInDriver.ChallengeAsync(browser);
        var content = new ByteArrayContent([0xFF, 0xFE, 0x00, 0x25, 0x26, 0x3D, 0xC3, 0x28, 0x25, 0x5A]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");

        var response = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/signin-oidc") { Content = content }, crossSite: true);

        await SignInDriver.AssertNotSignedInAsync(browser, response);
    }

    // ---- helpers

    private string ScriptValidTokens(TestUser user, string? nonce)
    {
        var code = SignInDriver.NewCode();
        factory.Idp.OnCode(code, _ => IdentityProviderDouble.Tokens(new IdTokenBuilder(user, nonce).Build(), user, "spa-code"));
        return code;
    }

    private async Task AssertRejectedBeforeRedemption(Browser browser, HttpResponseMessage response, string code)
    {
        await SignInDriver.AssertNotSignedInAsync(browser, response);
        Assert.Empty(factory.Idp.RequestsForCode(code));
    }

    private string Reprotect(string state, string purpose, params string[] subPurposes)
    {
        var services = factory.Services;
        var genuine = new PropertiesDataFormat(services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector(typeof(OpenIdConnectHandler).FullName!, OpenIdConnectDefaults.AuthenticationScheme, "v1"));
        var properties = genuine.Unprotect(state)!;
        var other = new PropertiesDataFormat(services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose, subPurposes));
        return other.Protect(properties);
    }
}
