using HybridSpa.Web.Configuration;
using HybridSpa.Web.HandOff;
using HybridSpa.Web.Routes;
using HybridSpa.Web.SignIn;
using HybridSpa.Web.SpaHost;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace HybridSpa.Web.Account;

/// <summary>Fresh SPA code, sign-out and the pages around them.</summary>
[Route("account")]
public sealed class AccountController(IOptions<SessionOptions> sessionOptions, SignInSettings signIn, IAntiforgery antiforgery) : Controller
{
    /// <summary>
    /// A top-level prompt=none round trip that comes back to <c>/</c> with a new SPA code (no iframe, so it works with
    /// third-party cookies blocked). If the IdP needs interaction, the sign-in events fall back to the normal sign-in.
    /// </summary>
    [Authorize]
    [HttpGet(SpaRoutes.FreshSpaCode)]
    public IActionResult SpaCode()
    {
        var properties = new OpenIdConnectChallengeProperties { RedirectUri = SpaRoutes.HostPage, Prompt = "none" };
        properties.SetParameter(OpenIdConnectParameterNames.LoginHint, User.LoginHint());
        return Challenge(properties, SignInSchemes.OpenIdConnect);
    }

    /// <summary>
    /// The antiforgery token for the sign-out form, asked for when the user signs out: rendered into every host page instead, it
    /// cost two Data Protection operations per render (docs/benchmarks.md, item 3). Same-origin only (no CORS), not cached, and
    /// for whoever is signed in or not, since the sign-out takes both.
    /// </summary>
    [AllowAnonymous]
    [HttpGet(SpaRoutes.SignOutAntiforgery)]
    public SignOutAntiforgery SignOutAntiforgery()
    {
        var tokens = antiforgery.GetAndStoreTokens(HttpContext);
        return new SignOutAntiforgery(field: tokens.FormFieldName, token: tokens.RequestToken!);
    }

    /// <summary>
    /// Signs out everywhere: session, cookie, then the IdP's end-session endpoint (Identity.Web removes the account from the
    /// token cache on the way, and the sign-in events add <c>logout_hint</c>).
    /// </summary>
    [AllowAnonymous] // an anonymous caller (signed out in another tab) still lands on the signed-out page
    [HttpPost(SpaRoutes.SignOut)]
    [ValidateAntiForgeryToken]
    public IActionResult SignOutEverywhere()
    {
        var signedOutPage = Url.Action(nameof(SignedOut))!;
        if (User.Identity?.IsAuthenticated != true)
        {
            EndSession();
            return LocalRedirect(signedOutPage);
        }

        EndSession();
        return SignOut(new AuthenticationProperties { RedirectUri = signedOutPage }, SignInSchemes.Cookie, SignInSchemes.OpenIdConnect);
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
    [HttpGet(SpaRoutes.SilentCallback)]
    public IActionResult SilentCallback()
    {
        if (signIn.SpaCodeRequested)
        {
            return NotFound();
        }

        Response.Headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'self'; base-uri 'none'";
        Response.Headers.XFrameOptions = "SAMEORIGIN";
        Response.Headers.CacheControl = "no-store";
        return Content("<!DOCTYPE html><title>Signing in</title>", "text/html; charset=utf-8");
    }

    /// <summary>Where the IdP's post-logout redirect ends; not cached, so Back cannot show a page from before sign-out.</summary>
    [AllowAnonymous]
    [ResponseCache(NoStore = true)]
    [HttpGet(SpaRoutes.SignedOut)]
    public IActionResult SignedOut() => View();

    /// <summary>The user declined consent or sign-in at the IdP.</summary>
    [AllowAnonymous]
    [ResponseCache(NoStore = true)]
    [HttpGet("access-denied")]
    public IActionResult AccessDenied() => View();
}
