using System.Net;
using System.Text.RegularExpressions;
using HybridSpa.EntraEmulator;
using HybridSpa.Web.SpaHost;
using HybridSpa.Web.Tests.Infrastructure;
using HybridSpa.Web.Tests.SignIn;

namespace HybridSpa.Web.Tests.Integration;

/// <summary>
/// One user agent across two sites: <see cref="App"/> (the web app, SameSite-aware jar) and an HttpClient on the emulator with
/// its own cookie container (so the emulator's ESTSAUTH session survives for prompt=none). Redirects are followed by hand.
/// </summary>
public sealed partial class EmulatorSignInDriver : IDisposable
{
    /// <summary>The default users of <c>EntraEmulatorOptions.CreateDefault()</c>.</summary>
    public const string Adele = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";
    public const string AdeleDisplayName = "Adele Vance";
    public const string AdeleUserPrincipalName = "AdeleV@hybridspa.onmicrosoft.com";
    public const string Megan = "00000000-0000-0000-4e1f-3d2b8a7c6e5f";

    private readonly string _authorizeEndpoint;
    private readonly string _appOrigin;

    /// <summary>A user agent on <paramref name="app"/>, whose public origin is <paramref name="appOrigin"/>.</summary>
    public EmulatorSignInDriver(EntraEmulatorHost emulator, Browser app, string appOrigin = TestSettings.Origin)
    {
        _authorizeEndpoint = EmulatorWebFixture.AuthorizeEndpointOf(emulator);
        _appOrigin = appOrigin;
        App = app;
        var handler = (SocketsHttpHandler)emulator.CreateHttpHandler();
        handler.CookieContainer = EmulatorCookies;
        handler.UseCookies = true;
        handler.AllowAutoRedirect = false;
        Emulator = new HttpClient(handler) { BaseAddress = emulator.BaseAddress };
    }

    public Browser App { get; }

    public HttpClient Emulator { get; }

    public CookieContainer EmulatorCookies { get; } = new();

    /// <summary>Every authorize request the app sent during <see cref="SignInAsync"/>, with how many emulator pages the user saw.</summary>
    public List<(Uri Authorize, int PagesShown)> Authorizations { get; } = [];

    /// <summary>
    /// GET <paramref name="path"/> on the app, follow its challenge to the emulator, sign in as <paramref name="userObjectId"/>,
    /// and deliver each form_post to /signin-oidc as a cross-site POST. Follows the app's own re-challenges (prompt=none retry).
    /// Returns the app's final answer to the callback.
    /// </summary>
    public async Task<HttpResponseMessage> SignInAsync(string userObjectId, string path = "/")
    {
        var response = await App.GetAsync(path);
        for (var round = 0; round < 3; round++)
        {
            var authorize = AssertChallenge(response);
            var (formPost, pages) = await AuthorizeAsync(authorize, userObjectId);
            Authorizations.Add((authorize, pages));
            Assert.Equal(_appOrigin + "/signin-oidc", formPost.Action);
            Assert.True(formPost.Fields.ContainsKey("code"), "The emulator answered without a code: " + string.Join(", ", formPost.Fields));

            response = await App.PostFromIdpAsync("/signin-oidc", formPost.Fields);
            if (!IsChallenge(response))
            {
                return response;
            }
        }

        throw new InvalidOperationException("The app kept re-challenging.");
    }

    /// <summary>Signs in and asserts it ended on <c>/</c>, ready to render.</summary>
    public async Task SignInToHomeAsync(string userObjectId)
    {
        var callback = await SignInAsync(userObjectId);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/", callback.Headers.Location!.OriginalString);
    }

    public async Task<BootstrapModel> HomeBootstrapAsync() => await SignInFlowTests.BootstrapOf(await App.GetAsync("/"));

    /// <summary>True when the app answered with a redirect to the emulator's authorize endpoint.</summary>
    public bool IsChallenge(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
        && response.Headers.Location is { IsAbsoluteUri: true } location
        && location.AbsoluteUri.StartsWith(_authorizeEndpoint + "?", StringComparison.Ordinal);

    public Uri AssertChallenge(HttpResponseMessage response)
    {
        Assert.True(IsChallenge(response), $"Expected a redirect to {_authorizeEndpoint}, got {(int)response.StatusCode} {response.Headers.Location}.");
        return response.Headers.Location!;
    }

    /// <summary>Runs the emulator's pages (sign-in, account picker, consent, step-up) until it answers with the form_post page.</summary>
    public async Task<(FormPost FormPost, int PagesShown)> AuthorizeAsync(Uri authorize, string userObjectId)
    {
        var response = await Emulator.GetAsync(authorize);
        for (var step = 0; step < 5; step++)
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"Emulator answered {(int)response.StatusCode}: {html}");
            if (FormPostPattern().Match(html) is { Success: true } formPost)
            {
                return (new FormPost(WebUtility.HtmlDecode(formPost.Groups["action"].Value), HiddenFields(html)), step);
            }

            var forms = Forms(html);
            var next = forms.FirstOrDefault(f => f.Is("signin") && f.Fields.GetValueOrDefault("user") == userObjectId)
                ?? forms.FirstOrDefault(f => f.Is("pick") && f.Fields.GetValueOrDefault("user") == userObjectId)
                ?? forms.FirstOrDefault(f => f.Is("other"))
                ?? forms.FirstOrDefault(f => f.Is("consent"))
                ?? StepUp(forms, html)
                ?? throw new InvalidOperationException("Unexpected emulator page: " + html);
            response = await Emulator.PostAsync(new Uri(Emulator.BaseAddress!, next.Action), new FormUrlEncodedContent(next.Fields));
        }

        throw new InvalidOperationException("The emulator did not answer with a form_post in five steps.");
    }

    /// <summary>Every step-up page the user answered (the emulator's stand-in for multi-factor authentication).</summary>
    public int StepUps { get; private set; }

    /// <summary>The step-up form with the one-time code the emulator's page shows typed in, as the user would.</summary>
    private HtmlForm? StepUp(List<HtmlForm> forms, string html)
    {
        if (forms.FirstOrDefault(f => f.Is("stepup")) is not { } stepUp)
        {
            return null;
        }

        StepUps++;
        return stepUp with { Fields = new Dictionary<string, string>(stepUp.Fields) { ["code"] = OneTimeCodePattern().Match(html).Groups["code"].Value } };
    }

    /// <summary>
    /// GET the emulator's logout <paramref name="logoutUrl"/>: the front-channel logout URLs its page frames, and where the browser
    /// goes next (the page's continuation, or its redirect when there is nothing to frame; null for the generic signed-out page).
    /// </summary>
    public async Task<EmulatorLogout> LogOutAtEmulatorAsync(Uri logoutUrl)
    {
        using var response = await Emulator.GetAsync(logoutUrl);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return new EmulatorLogout([], response.Headers.Location);
        }

        var html = await response.Content.ReadAsStringAsync();
        var continueTo = ContinuePattern().Match(html) is { Success: true } match ? new Uri(WebUtility.HtmlDecode(match.Groups["uri"].Value)) : null;
        return new EmulatorLogout([.. FramePattern().Matches(html).Select(m => new Uri(WebUtility.HtmlDecode(m.Groups["src"].Value)))], continueTo);
    }

    public void Dispose()
    {
        App.Dispose();
        Emulator.Dispose();
    }

    private static List<HtmlForm> Forms(string html) =>
        FormPattern().Matches(html)
            .Select(m => new HtmlForm(WebUtility.HtmlDecode(m.Groups["action"].Value), HiddenFields(m.Groups["body"].Value)))
            .ToList();

    private static Dictionary<string, string> HiddenFields(string html) =>
        HiddenInputPattern().Matches(html)
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value), StringComparer.Ordinal);

    [GeneratedRegex("<form method=\"post\" name=\"hiddenform\" action=\"(?<action>[^\"]*)\">")]
    private static partial Regex FormPostPattern();

    [GeneratedRegex("<form[^>]* action=\"(?<action>[^\"]*)\"[^>]*>(?<body>.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("your one-time code is <code>(?<code>[0-9]{6})</code>")]
    private static partial Regex OneTimeCodePattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenInputPattern();

    [GeneratedRegex("<iframe hidden title=\"[^\"]*\" src=\"(?<src>[^\"]+)\"")]
    private static partial Regex FramePattern();

    [GeneratedRegex("data-continue=\"(?<uri>[^\"]+)\"")]
    private static partial Regex ContinuePattern();

    private sealed record HtmlForm(string Action, Dictionary<string, string> Fields)
    {
        public bool Is(string action) => Fields.GetValueOrDefault("action") == action;
    }
}

/// <summary>The emulator's auto-submitted form_post: where it goes and what it carries.</summary>
public sealed record FormPost(string Action, IReadOnlyDictionary<string, string> Fields);

/// <summary>The emulator's answer to a logout: the front-channel logout URLs it framed, and where the browser goes next.</summary>
public sealed record EmulatorLogout(IReadOnlyList<Uri> Frames, Uri? ContinueTo);
