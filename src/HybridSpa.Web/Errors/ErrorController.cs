using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace HybridSpa.Web.Errors;

/// <summary>Friendly error pages: never a stack trace, never kept by a cache (they carry per-request ids).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true)]
[Route("error")]
public sealed class ErrorController(KnownFailures failures, ILogger<ErrorController> logger) : Controller
{
    /// <summary>
    /// Exceptions (re-executed by the exception handler). A known failure gets its own page, logged here once with its cause (a
    /// dependency that is down is a 503 with Retry-After: transient, nothing lost); anything else is a bug, logged by the
    /// exception handler with its stack.
    /// </summary>
    [Route("")]
    public IActionResult Index()
    {
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (failures.PageFor(error) is not { } page)
        {
            return View("Error", new ErrorViewModel("Something went wrong", null, null, null, HttpContext.TraceIdentifier));
        }

        page.Log(logger, ExceptionCauses.Describe(error));
        if (page.RetryAfter is { } retryAfter)
        {
            Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return Page(page.StatusCode, page.Title, page.Explanation);
    }

    /// <summary>Status code pages (404, 400, …), answered with their own status whether re-executed or asked for directly.</summary>
    [Route("{statusCode:int}")]
    public IActionResult Status()
    {
        // Read from the route, not bound: binding reads the form first, and a re-executed POST whose body cannot be read failed
        // every parameter's binding (the 400 page said "The request failed (0)").
        var statusCode = int.TryParse(RouteData.Values["statusCode"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var (code, title, explanation) = StatusPages.For(statusCode);
        return Page(code, title, explanation);
    }

    /// <summary>A sign-in that did not complete; shows the IdP's error, AADSTS code and correlation id when known.</summary>
    [Route("sign-in")]
    public IActionResult SignIn(string? error, string? aadsts, string? correlationId) => View("Error", new ErrorViewModel(
        "Sign-in did not complete",
        SignInErrorValues.Error(error),
        SignInErrorValues.Aadsts(aadsts),
        SignInErrorValues.CorrelationId(correlationId),
        HttpContext.TraceIdentifier));

    private ViewResult Page(int statusCode, string title, string explanation)
    {
        Response.StatusCode = statusCode;
        return View("Error", new ErrorViewModel(title, null, null, null, HttpContext.TraceIdentifier) { Explanation = explanation });
    }
}
