using HybridSpa.Web.SharedState;
using HybridSpa.Web.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace HybridSpa.Web.Errors;

/// <summary>Friendly error pages: never a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[Route("error")]
public sealed class ErrorController : Controller
{
    /// <summary>Seconds a client should wait before retrying when the shared store is down.</summary>
    public const int RetryAfterSeconds = 30;

    /// <summary>
    /// Unhandled exceptions (re-executed by the exception handler). The shared store being unreachable is a 503 with
    /// Retry-After: transient, nothing lost, the same request succeeds once the store is back.
    /// </summary>
    [Route("")]
    public IActionResult Index()
    {
        if (SharedStateUnavailableException.IsCauseOf(HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error))
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return View("Error", new ErrorViewModel("Temporarily unavailable", null, null, null, HttpContext.TraceIdentifier)
            {
                Explanation = "The app cannot reach its session store right now. Nothing is lost; please try again in a moment.",
            });
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
}
