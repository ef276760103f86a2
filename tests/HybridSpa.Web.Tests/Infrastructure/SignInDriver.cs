using System.Net;
using Microsoft.AspNetCore.WebUtilities;

namespace HybridSpa.Web.Tests.Infrastructure;

/// <summary>The authorize request the app sent, as the IdP would read it.</summary>
public sealed record AuthorizeRequest(Uri Url, IReadOnlyDictionary<string, string> Query)
{
    public string State => Query["state"];

    public string Nonce => Query["nonce"];

    public string? Get(string name) => Query.TryGetValue(name, out var value) ? value : null;

    public static AuthorizeRequest From(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var url = response.Headers.Location!;
        Assert.StartsWith(TestSettings.AuthorizeEndpoint + "?", url.AbsoluteUri, StringComparison.Ordinal);
        return new AuthorizeRequest(url, QueryHelpers.ParseQuery(url.Query).ToDictionary(p => p.Key, p => p.Value.ToString()));
    }
}

/// <summary>Drives the sign-in: challenge, IdP answer (scripted), callback.</summary>
public static class SignInDriver
{
    public const string AuthCookie = "__Host-HybridSpa.Auth";
    public const string SessionCookie = "__Host-HybridSpa.Session";

    public static async Task<AuthorizeRequest> ChallengeAsync(Browser browser, string path = "/") =>
        AuthorizeRequest.From(await browser.GetAsync(path));

    public static Task<HttpResponseMessage> CallbackAsync(Browser browser, params (string Key, string Value)[] form) =>
        browser.PostFromIdpAsync("/signin-oidc", form.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)));

    /// <summary>Signs <paramref name="user"/> in with a well-formed response; returns the callback response.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(
        HybridSpaFactory factory, Browser browser, TestUser user, string? spaCode = "spa-code-1", string path = "/")
    {
        var authorize = await ChallengeAsync(browser, path);
        var code = NewCode();
        factory.Idp.OnCode(code, _ => IdentityProviderDouble.Tokens(new IdTokenBuilder(user, authorize.Nonce).Build(), user, spaCode));
        return await CallbackAsync(browser, ("code", code), ("state", authorize.State), ("client_info", IdentityProviderDouble.ClientInfo(user)));
    }

    /// <summary>Answers the callback's code with <paramref name="idToken"/> (and the user it names by oid); returns the callback response.</summary>
    public static async Task<HttpResponseMessage> CallbackWithIdTokenAsync(HybridSpaFactory factory, Browser browser, AuthorizeRequest authorize, IdTokenBuilder idToken)
    {
        var code = NewCode();
        var oid = (string)idToken.Claims["oid"]!;
        factory.Idp.OnCode(code, _ => IdentityProviderDouble.Tokens(idToken.Build(), TestUser.Create() with { Oid = oid }, "spa-code"));
        return await CallbackAsync(browser, ("code", code), ("state", authorize.State));
    }

    public static string NewCode() => "code-" + Guid.NewGuid().ToString("N");

    /// <summary>Asserts the response did not sign anyone in and was not a server error.</summary>
    public static async Task AssertNotSignedInAsync(Browser browser, HttpResponseMessage callback)
    {
        Assert.True((int)callback.StatusCode < 500, $"Expected no 5xx, got {(int)callback.StatusCode}.");
        Assert.DoesNotContain(browser.LastSetCookies, c => c.Name == AuthCookie && c.Value.HasValue && c.Value.Value!.Length > 0);

        // The callback runs without the (Lax) session cookie: any session write would have issued one.
        Assert.DoesNotContain(browser.LastSetCookies, c => c.Name == SessionCookie);

        var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith(TestSettings.AuthorizeEndpoint, home.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }
}
