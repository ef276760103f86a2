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

    /// <summary>Status code pages (404, 400, …).</summary>
    [Route("{statusCode:int}")]
    public IActionResult Status(int statusCode) =>
        View("Error", new ErrorViewModel(statusCode == 404 ? "Page not found" : $"The request failed ({statusCode})", null, null, null, HttpContext.TraceIdentifier));

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
        Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return View("Error", new ErrorViewModel("Temporarily unavailable", null, null, null, HttpContext.TraceIdentifier) { Explanation = explanation });
    }
}
