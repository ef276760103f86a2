using HybridSpa.Web.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HybridSpa.Web.Controllers;

/// <summary>Friendly error pages: never a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[Route("error")]
public sealed class ErrorController : Controller
{
    /// <summary>Unhandled exceptions (re-executed by the exception handler).</summary>
    [Route("")]
    public IActionResult Index() => View("Error", new ErrorViewModel("Something went wrong", null, null, null, HttpContext.TraceIdentifier));

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

/// <summary>What the error page shows.</summary>
public sealed record ErrorViewModel(string Title, string? Error, string? AadstsCode, string? CorrelationId, string RequestId);
