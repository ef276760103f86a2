using System.Net;
using System.Text.RegularExpressions;

namespace HybridSpa.EntraEmulator.Tests.Support;

/// <summary>A browser stand-in: cookies, no automatic redirects, and form posts shaped like the sign-in pages' forms.</summary>
public sealed partial class Browser : IDisposable
{
    private readonly EntraEmulatorHost _host;

    public Browser(EntraEmulatorHost host)
    {
        _host = host;
        var handler = EntraEmulatorConnectivity.CreateHandler(host.TlsCertificate);
        handler.CookieContainer = Cookies;
        handler.UseCookies = true;
        handler.AllowAutoRedirect = false;
        Client = new HttpClient(handler) { BaseAddress = host.BaseAddress };
    }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Client { get; }

    public Task<HttpResponseMessage> AuthorizeAsync(AuthorizeRequest request) => Client.GetAsync(new Uri(request.ToUrl(_host)));

    /// <summary>Posts one of the page's forms (the one with this action and user) the way a browser would.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(
        HttpResponseMessage page, string action, string? userObjectId = null, string? password = null, string tenant = DevelopmentDefaults.TenantId, string? code = null)
    {
        var html = await page.Content.ReadAsStringAsync();
        var flowToken = FlowToken(html);
        var fields = new List<KeyValuePair<string, string>> { new("flowToken", flowToken), new("action", action) };
        if (userObjectId is not null)
        {
            fields.Add(new("user", userObjectId));
        }

        if (password is not null)
        {
            fields.Add(new("password", password));
        }

        if (code is not null)
        {
            fields.Add(new("code", code));
        }

        return await Client.PostAsync(new Uri($"{_host.BaseAddress}{tenant}/login"), new FormUrlEncodedContent(fields));
    }

    /// <summary>Runs /authorize to the end: signs in as the user when asked, accepts consent when asked, and returns what reached the redirect URI.</summary>
    public async Task<AuthorizeResponse> SignInAsync(AuthorizeRequest request, string userObjectId, string? password = null)
    {
        var response = await AuthorizeAsync(request);
        for (var step = 0; step < 4; step++)
        {
            if (await AuthorizeResponse.TryReadAsync(response) is { } result)
            {
                return result;
            }

            var html = await response.Content.ReadAsStringAsync();
            response = html switch
            {
                _ when html.Contains("value=\"stepup\"", StringComparison.Ordinal)
                    => await SubmitAsync(response, "stepup", userObjectId, tenant: request.Tenant, code: OneTimeCode(html)),
                _ when html.Contains("value=\"consent\"", StringComparison.Ordinal) => await SubmitAsync(response, "consent", tenant: request.Tenant),
                _ when html.Contains("value=\"pick\"", StringComparison.Ordinal) && html.Contains(userObjectId, StringComparison.Ordinal)
                    => await SubmitAsync(response, "pick", userObjectId, tenant: request.Tenant),
                _ when html.Contains("value=\"pick\"", StringComparison.Ordinal) => await SubmitAsync(response, "other", tenant: request.Tenant),
                _ when html.Contains("value=\"signin\"", StringComparison.Ordinal) => await SubmitAsync(response, "signin", userObjectId, password, request.Tenant),
                _ => throw new InvalidOperationException($"Unexpected /authorize page ({(int)response.StatusCode}): {html}"),
            };
        }

        throw new InvalidOperationException("/authorize did not finish in four steps.");
    }

    /// <summary>The one-time code the step-up page shows (a development tool: it says the code to type).</summary>
    public static string OneTimeCode(string html) =>
        OneTimeCodePattern().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No one-time code on the page: " + html);

    public static string FlowToken(string html) =>
        WebUtility.HtmlDecode(FlowTokenPattern().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No flow token on the page: " + html));

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("your one-time code is <code>([0-9]{6})</code>")]
    private static partial Regex OneTimeCodePattern();

    [GeneratedRegex("name=\"flowToken\" value=\"([^\"]*)\"")]
    private static partial Regex FlowTokenPattern();
}
