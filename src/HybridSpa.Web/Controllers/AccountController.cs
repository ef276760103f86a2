using HybridSpa.Web.Authentication.EntraSignIn;
using HybridSpa.Web.Configuration;
using HybridSpa.Web.TokenAcquisition;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HybridSpa.Web.Controllers;

/// <summary>Fresh SPA code, sign-out and the pages around them.</summary>
[Route("account")]
public sealed class AccountController(
    IUserTokenAcquisition tokenAcquisition, IOptions<SessionOptions> sessionOptions, IOptions<AzureAdOptions> azureAd) : Controller
{
    /// <summary>
    /// A top-level prompt=none round trip that comes back to <c>/</c> with a new SPA code (no iframe, so it works with
    /// third-party cookies blocked). If the IdP needs interaction, the handler falls back to the normal sign-in.
    /// </summary>
    [Authorize]
    [HttpGet("spa-code")]
    public IActionResult SpaCode() => Challenge(
        new EntraChallengeProperties { RedirectUri = "/", Prompt = "none", LoginHint = User.LoginHint() },
        EntraSignInDefaults.AuthenticationScheme);

    /// <summary>Signs out everywhere: MSAL cache, session, cookie, then the IdP's end-session endpoint.</summary>
    [HttpPost("signout")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> SignOutEverywhere()
    {
        var signedOutPage = Url.Action(nameof(SignedOut))!;
        if (User.Identity?.IsAuthenticated != true)
        {
            EndSession();
            return LocalRedirect(signedOutPage);
        }

        var properties = new AuthenticationProperties { RedirectUri = signedOutPage };
        properties.StoreTokens([new AuthenticationToken { Name = "id_token", Value = await HttpContext.GetTokenAsync("id_token") ?? string.Empty }]);
        properties.SetParameter("logout_hint", User.FindFirst("login_hint")?.Value);

        await tokenAcquisition.RemoveAccountAsync(User);
        EndSession();
        return SignOut(properties, CookieAuthenticationDefaults.AuthenticationScheme, EntraSignInDefaults.AuthenticationScheme);
    }

    /// <summary>Empties the session (SPA code, login hint, sid) in the store and deletes its cookie: nothing of it outlives the sign-out.</summary>
    private void EndSession()
    {
        HttpContext.Session.Clear();
        Response.Cookies.Delete(sessionOptions.Value.Cookie.Name!, sessionOptions.Value.Cookie.Build(HttpContext));
    }

    /// <summary>
    /// The classic bootstrap's silent redirect URI: an empty page the SPA's hidden ssoSilent iframe lands on, whose URL
    /// fragment (the code) MSAL.js reads from the parent. The only page this site lets itself frame; absent in hybrid mode.
    /// </summary>
    [AllowAnonymous]
    [HttpGet(PublicUris.SilentCallbackPath)]
    public IActionResult SilentCallback()
    {
        if (azureAd.Value.WithSpaAuthCode)
        {
            return NotFound();
        }

        Response.Headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'self'; base-uri 'none'";
        Response.Headers.XFrameOptions = "SAMEORIGIN";
        Response.Headers.CacheControl = "no-store";
        return Content("<!DOCTYPE html><title>Signing in</title>", "text/html; charset=utf-8");
    }

    /// <summary>Where the IdP's post-logout redirect ends.</summary>
    [AllowAnonymous]
    [HttpGet("signed-out")]
    public IActionResult SignedOut() => View();

    /// <summary>The user declined consent or sign-in at the IdP.</summary>
    [AllowAnonymous]
    [HttpGet("access-denied")]
    public IActionResult AccessDenied() => View();
}
