using System.Globalization;
using HybridSpa.Web.IdentityProvider;
using HybridSpa.Web.Profile;
using HybridSpa.Web.SharedState;
using HybridSpa.Web.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HybridSpa.Web.Errors;

/// <summary>Friendly error pages: never a stack trace, never kept by a cache (they carry per-request ids).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true)]
[Route("error")]
public sealed class ErrorController(IOptions<IdentityProviderClientOptions> identityProvider) : Controller
{
    /// <summary>Seconds a client should wait before retrying when the shared store is down.</summary>
    public const int RetryAfterSeconds = 30;

    /// <summary>
    /// Unhandled exceptions (re-executed by the exception handler). The shared store or the identity provider being unreachable
    /// is a 503 with Retry-After: transient, nothing lost, the same request succeeds once it answers again.
    /// </summary>
    [Route("")]
    public IActionResult Index()
    {
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (SharedStateUnavailableException.IsCauseOf(error))
        {
            return Unavailable(
                TimeSpan.FromSeconds(RetryAfterSeconds),
                "The app cannot reach its session store right now. Nothing is lost; please try again in a moment.");
        }

        // Before the identity provider: Graph's network failures are HttpRequestExceptions too.
        if (GraphUnavailableException.IsCauseOf(error))
        {
            return Unavailable(
                TimeSpan.FromSeconds(RetryAfterSeconds),
                "Microsoft Graph cannot be reached right now, so your profile cannot be shown. You are still signed in; please try again in a moment.");
        }

        if (IdentityProviderUnavailable.IsCauseOf(error))
        {
            // Retry after the circuit breaker's break: the first moment a new attempt can reach the identity provider.
            return Unavailable(
                identityProvider.Value.CircuitBreaker.BreakDuration,
                "The identity provider cannot be reached right now, so signing in is not possible. Nothing is lost; please try again in a moment.");
        }

        return View("Error", new ErrorViewModel("Something went wrong", null, null, null, HttpContext.TraceIdentifier));
    }

    /// <summary>Status code pages (404, 400, …), answered with their own status whether re-executed or asked for directly.</summary>
    [Route("{statusCode:int}")]
    public IActionResult Status()
    {
        // Read from the route, not bound: binding reads the form first, and a re-executed POST whose body cannot be read failed
        // every parameter's binding (the 400 page said "The request failed (0)").
        var statusCode = int.TryParse(RouteData.Values["statusCode"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var (code, title, explanation) = StatusPage(statusCode);
        Response.StatusCode = code;
        return View("Error", new ErrorViewModel(title, null, null, null, HttpContext.TraceIdentifier) { Explanation = explanation });
    }

    /// <summary>What a status code page says; a code that is not an error status is "page not found".</summary>
    private static (int Code, string Title, string Explanation) StatusPage(int statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest => (statusCode, "The request could not be read",
            "Your browser sent something this app could not understand, such as a form cut short or sent twice. Go back to the start page and try again."),
        >= 400 and < 500 and not StatusCodes.Status404NotFound => (statusCode, "The request could not be completed",
            $"The app refused the request (HTTP {statusCode}). Go back to the start page and try again."),
        >= 500 and < 600 => (statusCode, "Something went wrong",
            $"The app could not answer (HTTP {statusCode}). Nothing is lost; please try again in a moment."),
        _ => (StatusCodes.Status404NotFound, "Page not found", "There is nothing at this address. Check it, or go to the start page."),
    };

    /// <summary>A sign-in that did not complete; shows the IdP's error, AADSTS code and correlation id when known.</summary>
    [Route("sign-in")]
    public IActionResult SignIn(string? error, string? aadsts, string? correlationId) => View("Error", new ErrorViewModel(
        "Sign-in did not complete",
        SignInErrorRedirect.Sanitize(error, SignInErrorRedirect.ErrorPattern()),
        SignInErrorRedirect.Sanitize(aadsts, SignInErrorRedirect.AadstsPattern()),
        Guid.TryParse(correlationId, out var id) ? id.ToString() : null,
        HttpContext.TraceIdentifier));

    private ViewResult Unavailable(TimeSpan retryAfter, string explanation)
    {
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return View("Error", new ErrorViewModel("Temporarily unavailable", null, null, null, HttpContext.TraceIdentifier) { Explanation = explanation });
    }
}
