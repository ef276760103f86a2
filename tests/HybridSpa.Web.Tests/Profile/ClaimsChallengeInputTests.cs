using System.Net;
using System.Text;
using System.Text.Json;
using HybridSpa.Web.Profile;
using HybridSpa.Web.Tests.Infrastructure;

namespace HybridSpa.Web.Tests.Profile;

/// <summary>
/// The server's answer to Graph's claims challenges, against scripted doubles: cp1 on the token request, the claims in the
/// authorize request, a malformed or oversized claims value, and an identity provider that keeps asking.
/// </summary>
public sealed class ClaimsChallengeInputTests : IDisposable
{
    private const string RevocationClaims = """{"access_token":{"nbf":{"essential":true,"value":"1764979200"}}}""";
    private static readonly string EncodedRevocationClaims = Convert.ToBase64String(Encoding.UTF8.GetBytes(RevocationClaims));
    private readonly HybridSpaFactory _factory = new();

    [Fact]
    public async Task Code_redemption_declares_the_cp1_client_capability_in_its_claims()
    {
        using var browser = _factory.CreateBrowser();
        await SignInDriver.SignInAsync(_factory, browser, TestUser.Create());

        var redemption = _factory.Idp.TokenRequests.Single(r => r.GetValueOrDefault("grant_type") == "authorization_code");

        using var claims = JsonDocument.Parse(redemption["claims"]);
        Assert.Equal("cp1", claims.RootElement.GetProperty("access_token").GetProperty("xms_cc").GetProperty("values")[0].GetString());
    }

    [Fact]
    public async Task Graph_claims_challenge_that_needs_the_user_becomes_an_authorize_request_carrying_those_claims_and_the_page_renders_after_it()
    {
        using var browser = _factory.CreateBrowser();
        var user = await SignInAndChallengeOnceAsync(browser);
        RefreshNeedsInteraction();

        var authorize = AuthorizeRequest.From(await browser.GetAsync("/profile"));

        Assert.Equal(RevocationClaims, authorize.Get("claims"));
        Assert.Contains("User.Read", authorize.Get("scope")!.Split(' '));
        Assert.Equal(user.PreferredUsername, authorize.Get("login_hint"));

        // The silent retry asked the identity provider with the claims first.
        var refresh = _factory.Idp.TokenRequests.Last(r => r.GetValueOrDefault("grant_type") == "refresh_token");
        Assert.Contains("\"nbf\"", refresh["claims"], StringComparison.Ordinal);

        var page = await CompleteSignInAsync(browser, user, authorize);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Graph Ada", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graph_claims_challenge_that_a_silent_token_request_satisfies_is_answered_without_a_redirect()
    {
        using var browser = _factory.CreateBrowser();
        var user = await SignInAndChallengeOnceAsync(browser);
        _factory.Idp.OnRefreshToken = form => IdentityProviderDouble.Tokens(
            new IdTokenBuilder(user, nonce: null).Build(), user, spaCode: null, accessToken: "access-token-with-claims", scope: form["scope"]);

        var page = await browser.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Bearer access-token-with-claims", _factory.Graph.Authorizations.Last());
    }

    [Theory]
    [InlineData("not base64 and not json!")]
    [InlineData("eyJhY2Nlc3NfdG9rZW4iOiJub3QgYW4gb2JqZWN0In0=")] // {"access_token":"not an object"}
    [InlineData("W10=")] // []
    public async Task Malformed_claims_in_graphs_challenge_get_a_page_that_says_so_never_a_redirect_or_a_500(string claims)
    {
        using var browser = _factory.CreateBrowser();
        await SignInDriver.SignInAsync(_factory, browser, TestUser.Create());
        _factory.Graph.Outage = () => Challenge(claims);

        var response = await browser.GetAsync("/profile");

        await AssertUnreadableChallengePageAsync(response);
    }

    [Fact]
    public async Task Oversized_claims_in_graphs_challenge_get_a_page_that_says_so()
    {
        using var browser = _factory.CreateBrowser();
        await SignInDriver.SignInAsync(_factory, browser, TestUser.Create());
        var oversized = "{\"access_token\":{\"nbf\":{\"essential\":true,\"value\":\"" + new string('1', ClaimsChallenge.MaxLength) + "\"}}}";
        _factory.Graph.Outage = () => Challenge(Convert.ToBase64String(Encoding.UTF8.GetBytes(oversized)));

        var response = await browser.GetAsync("/profile");

        await AssertUnreadableChallengePageAsync(response);
    }

    [Fact]
    public async Task An_identity_provider_that_keeps_asking_gets_a_page_after_the_bounded_number_of_sign_ins_not_a_redirect_loop()
    {
        using var browser = _factory.CreateBrowser();
        var user = TestUser.Create();
        await SignInDriver.SignInAsync(_factory, browser, user);
        _factory.Graph.Outage = () => Challenge(EncodedRevocationClaims);
        RefreshNeedsInteraction();

        var response = await browser.GetAsync("/profile");
        for (var signIn = 0; signIn < AnswerClaimsChallengesAttribute.MaxChallenges; signIn++)
        {
            response = await CompleteSignInAsync(browser, user, AuthorizeRequest.From(response));
        }

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("The sign-in could not meet this page&#x27;s conditions", page, StringComparison.Ordinal);
        Assert.Contains("You are still signed in", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);

        // The count started again: a later visit may try once more.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/profile")).StatusCode);
    }

    public void Dispose() => _factory.Dispose();

    private static async Task AssertUnreadableChallengePageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Microsoft Graph asked for something this app cannot read", page, StringComparison.Ordinal);
        Assert.Contains("You are still signed in", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);
    }

    /// <summary>Graph's 401 <c>insufficient_claims</c>, in the header shape Microsoft documents.</summary>
    private static HttpResponseMessage Challenge(string claims)
    {
        var response = new HttpResponseMessage(HttpStatusCode.Unauthorized)
        {
            Content = new StringContent("""{"error":{"code":"InvalidAuthenticationToken","message":"Continuous access evaluation resulted in challenge."}}""", Encoding.UTF8, "application/json"),
        };
        response.Headers.TryAddWithoutValidation("WWW-Authenticate",
            $"Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\", error=\"insufficient_claims\", claims=\"{claims}\"");
        return response;
    }

    /// <summary>Signs a new user in on <paramref name="browser"/>; Graph challenges the next request only for the revocation claims, and answers the one after it.</summary>
    private async Task<TestUser> SignInAndChallengeOnceAsync(Browser browser)
    {
        var user = TestUser.Create();
        await SignInDriver.SignInAsync(_factory, browser, user);
        var challenged = 0;
        _factory.Graph.Outage = () =>
        {
            if (Interlocked.Increment(ref challenged) == 1)
            {
                return Challenge(EncodedRevocationClaims);
            }

            _factory.Graph.Outage = null;
            return Ok();
        };
        return user;
    }

    private static HttpResponseMessage Ok() => new(HttpStatusCode.OK)
    {
        Content = new StringContent("""{"id":"graph-id","displayName":"Graph Ada","userPrincipalName":"ada@contoso.test"}""", Encoding.UTF8, "application/json"),
    };

    private void RefreshNeedsInteraction() =>
        _factory.Idp.OnRefreshToken = _ => IdentityProviderDouble.Error(HttpStatusCode.BadRequest, "invalid_grant", "50173",
            "The provided grant has expired due to it being revoked.", suberror: "bad_token");

    /// <summary>The identity provider answers <paramref name="authorize"/>; the browser follows the callback back to the page.</summary>
    private async Task<HttpResponseMessage> CompleteSignInAsync(Browser browser, TestUser user, AuthorizeRequest authorize)
    {
        var code = SignInDriver.NewCode();
        _factory.Idp.OnCode(code, _ => IdentityProviderDouble.Tokens(new IdTokenBuilder(user, authorize.Nonce).Build(), user, "spa"));
        var callback = await SignInDriver.CallbackAsync(browser, ("code", code), ("state", authorize.State), ("client_info", IdentityProviderDouble.ClientInfo(user)));
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        return await browser.GetAsync(callback.Headers.Location!.OriginalString);
    }
}
