using HybridSpa.EntraEmulator.Tests.Support;

namespace HybridSpa.EntraEmulator.Tests;

/// <summary>OIDC max_age and auth_time: a sign-in older than max_age asks for the credential again; ID tokens say when it was entered.</summary>
public sealed class MaxAgeTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly HttpClient _client = fixture.CreateClient();

    private EntraEmulatorHost Host => fixture.Host;

    public void Dispose() => _client.Dispose();

    private async Task<TokenResponse> RedeemAsync(AuthorizeResponse response, AuthorizeRequest request) =>
        await TokenResponse.SendAsync(_client, Flows.WebRedemption(Host, response["code"], request.Pkce!.Verifier, returnSpaCode: false));

    [Fact]
    public async Task Id_token_carries_auth_time_and_keeps_it_when_the_refresh_token_renews_it_hours_later()
    {
        using var browser = new Browser(Host);
        var request = new AuthorizeRequest();
        var first = await RedeemAsync(await browser.SignInAsync(request, TestUsers.Adele), request);
        Host.Clock.Advance(TimeSpan.FromHours(2));

        var renewed = await TokenResponse.SendAsync(_client, SpaRequests.Create(Host, origin: null,
        [
            new("client_id", DevelopmentDefaults.ClientId), new("client_secret", DevelopmentDefaults.ClientSecret), new("grant_type", "refresh_token"),
            new("refresh_token", first["refresh_token"]!), new("scope", "openid profile offline_access User.Read"),
        ]));

        var authTime = long.Parse(Jwt.Claim(first["id_token"], "auth_time"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(authTime, long.Parse(Jwt.Claim(renewed["id_token"], "auth_time"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(Jwt.Read(renewed["id_token"]).IssuedAt >= DateTimeOffset.FromUnixTimeSeconds(authTime).UtcDateTime.AddHours(1.5));
    }

    [Fact]
    public async Task Max_age_older_than_the_sign_in_shows_the_sign_in_page_and_the_new_id_token_has_a_fresh_auth_time()
    {
        using var browser = new Browser(Host);
        var first = new AuthorizeRequest();
        var firstAuthTime = Jwt.Claim((await RedeemAsync(await browser.SignInAsync(first, TestUsers.Adele), first))["id_token"], "auth_time");
        Host.Clock.Advance(TimeSpan.FromMinutes(10));
        var again = new AuthorizeRequest { MaxAge = "300" };

        var page = await browser.AuthorizeAsync(again);
        var secondAuthTime = Jwt.Claim((await RedeemAsync(await AuthorizeResponse.TryReadAsync(await browser.SubmitAsync(page, "signin", TestUsers.Adele)) ?? throw new InvalidOperationException("no code"), again))["id_token"], "auth_time");

        Assert.Contains("value=\"signin\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(long.Parse(secondAuthTime, System.Globalization.CultureInfo.InvariantCulture) - long.Parse(firstAuthTime, System.Globalization.CultureInfo.InvariantCulture) >= 600);
    }

    [Fact]
    public async Task Max_age_within_the_sign_in_signs_in_silently()
    {
        using var browser = new Browser(Host);
        await browser.SignInAsync(new AuthorizeRequest(), TestUsers.Adele);
        Host.Clock.Advance(TimeSpan.FromMinutes(10));

        var response = await AuthorizeResponse.TryReadAsync(await browser.AuthorizeAsync(new AuthorizeRequest { MaxAge = "3600" }));

        Assert.NotNull(response?.Get("code"));
    }

    [Fact]
    public async Task Prompt_none_with_max_age_older_than_the_sign_in_is_login_required()
    {
        using var browser = new Browser(Host);
        await browser.SignInAsync(new AuthorizeRequest(), TestUsers.Adele);
        Host.Clock.Advance(TimeSpan.FromMinutes(10));

        var response = await AuthorizeResponse.TryReadAsync(await browser.AuthorizeAsync(new AuthorizeRequest { MaxAge = "60", Prompt = "none" }));

        Assert.Equal("login_required", response!["error"]);
        Assert.StartsWith("AADSTS50058", response["error_description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Max_age_zero_asks_for_the_credential_even_right_after_a_sign_in_and_the_credential_finishes_the_flow_with_auth_time()
    {
        using var browser = new Browser(Host);
        await browser.SignInAsync(new AuthorizeRequest(), TestUsers.Adele);
        var again = new AuthorizeRequest { MaxAge = "0" };

        var page = await browser.AuthorizeAsync(again);
        var response = await AuthorizeResponse.TryReadAsync(await browser.SubmitAsync(page, "signin", TestUsers.Adele));

        Assert.Contains("value=\"signin\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(response?.Get("code"));
        Assert.NotEmpty(Jwt.Claim((await RedeemAsync(response!, again))["id_token"], "auth_time"));
    }

    [Fact]
    public async Task Max_age_zero_without_a_session_finishes_after_the_password_is_entered()
    {
        var user = TestUsers.AddUser(Host, u => u.Password = "max-age-zero");
        using var browser = new Browser(Host);

        var page = await browser.AuthorizeAsync(new AuthorizeRequest { MaxAge = "0" });
        var response = await AuthorizeResponse.TryReadAsync(await browser.SubmitAsync(page, "signin", user.ObjectId, "max-age-zero"));

        Assert.Contains("value=\"signin\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(response?.Get("code"));
    }

    [Fact]
    public async Task Max_age_zero_for_a_user_who_must_consent_finishes_after_the_credential_and_the_consent_page()
    {
        var user = TestUsers.AddUser(Host, u => { u.Password = "max-age-zero"; u.RequiresConsent = true; });
        using var browser = new Browser(Host);

        var response = await browser.SignInAsync(new AuthorizeRequest { MaxAge = "0" }, user.ObjectId, "max-age-zero");

        Assert.NotNull(response.Get("code"));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("soon")]
    public async Task Max_age_that_is_not_a_number_of_seconds_is_an_invalid_request(string maxAge)
    {
        using var browser = new Browser(Host);

        var response = await AuthorizeResponse.TryReadAsync(await browser.AuthorizeAsync(new AuthorizeRequest { MaxAge = maxAge }));

        Assert.Equal("invalid_request", response!["error"]);
    }
}
