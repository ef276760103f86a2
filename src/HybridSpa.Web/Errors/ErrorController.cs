using System.Globalization;
using HybridSpa.Web.IdentityProvider;
using HybridSpa.Web.Profile;
using HybridSpa.Web.Security;
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
public sealed partial class ErrorController(IOptions<IdentityProviderClientOptions> identityProvider, ILogger<ErrorController> logger) : Controller
{
    /// <summary>Seconds a client should wait before retrying when the shared store is down.</summary>
    public const int RetryAfterSeconds = 30;

    /// <summary>
    /// Exceptions (re-executed by the exception handler). The shared store, Graph or the identity provider being unreachable is a
    /// 503 with Retry-After: transient, nothing lost, the same request succeeds once it answers again. Each known failure is
    /// logged here once, with its cause; anything else is a bug, logged by the exception handler with its stack.
    /// </summary>
    [Route("")]
    public IActionResult Index()
    {
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        var failure = KnownFailures.Of(error);
        switch (failure)
        {
            case KnownFailure.SharedStateUnavailable:
                LogUnavailable(logger, "The shared store", ExceptionCauses.Describe(error));
                return Unavailable(
                    TimeSpan.FromSeconds(RetryAfterSeconds),
                    "The app cannot reach its session store right now. Nothing is lost; please try again in a moment.");

            case KnownFailure.GraphUnavailable:
                LogUnavailable(logger, "Microsoft Graph", ExceptionCauses.Describe(error));
                return Unavailable(
                    TimeSpan.FromSeconds(RetryAfterSeconds),
                    "Microsoft Graph cannot be reached right now, so your profile cannot be shown. You are still signed in; please try again in a moment.");

            case KnownFailure.IdentityProviderUnavailable:
                LogUnavailable(logger, "The identity provider", ExceptionCauses.Describe(error));

                // Retry after the circuit breaker's break: the first moment a new attempt can reach the identity provider.
                return Unavailable(
                    identityProvider.Value.CircuitBreaker.BreakDuration,
                    "The identity provider cannot be reached right now, so signing in is not possible. Nothing is lost; please try again in a moment.");

            case KnownFailure.GraphRefused:
                var status = GraphRefusal.StatusOf(error)!.Value;
                LogGraphRefused(logger, status, ExceptionCauses.Describe(error));
                Response.StatusCode = StatusCodes.Status502BadGateway;
                return View("Error", new ErrorViewModel("Microsoft Graph refused the request", null, null, null, HttpContext.TraceIdentifier)
                {
                    Explanation = status == StatusCodes.Status431RequestHeaderFieldsTooLarge
                        ? "Your sign-in carries more information (groups, roles) than Microsoft Graph accepts in one request (HTTP 431), so your profile cannot be shown. You are still signed in and the rest of the app works; an administrator can reduce the claims in your token."
                        : string.Create(CultureInfo.InvariantCulture, $"Microsoft Graph refused to give your profile (HTTP {status}). You are still signed in and the rest of the app works."),
                });

            case KnownFailure.UnreadableRequest:
                LogUnreadableRequest(logger, ExceptionCauses.Describe(error));
                return StatusView(StatusCodes.Status400BadRequest);

            default:
                return View("Error", new ErrorViewModel("Something went wrong", null, null, null, HttpContext.TraceIdentifier));
        }
    }

    /// <summary>Status code pages (404, 400, …), answered with their own status whether re-executed or asked for directly.</summary>
    [Route("{statusCode:int}")]
    public IActionResult Status()
    {
        // Read from the route, not bound: binding reads the form first, and a re-executed POST whose body cannot be read failed
        // every parameter's binding (the 400 page said "The request failed (0)").
        var statusCode = int.TryParse(RouteData.Values["statusCode"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        return StatusView(statusCode);
    }

    private ViewResult StatusView(int statusCode)
    {
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

    [LoggerMessage(200, LogLevel.Warning, "{Dependency} cannot be reached: answered the 503 page. Cause: {Cause}", EventName = "DependencyUnavailable")]
    private static partial void LogUnavailable(ILogger logger, string dependency, string cause);

    [LoggerMessage(201, LogLevel.Warning, "Microsoft Graph refused the request with HTTP {Status}: answered the 502 page. Cause: {Cause}", EventName = "GraphRefused")]
    private static partial void LogGraphRefused(ILogger logger, int status, string cause);

    [LoggerMessage(202, LogLevel.Information, "The request could not be read: answered 400. Cause: {Cause}", EventName = "UnreadableRequest")]
    private static partial void LogUnreadableRequest(ILogger logger, string cause);
}
