using Microsoft.AspNetCore.Diagnostics;

namespace HybridSpa.Web.Errors;

/// <summary>
/// The failures the error page explains, tried in the order they were added (<see cref="KnownFailuresExtensions.AddKnownFailure"/>):
/// tells them from bugs, for the error page, the exception handler's log and the sign-in.
/// </summary>
public sealed class KnownFailures(IEnumerable<IKnownFailure> failures)
{
    private readonly IKnownFailure[] _failures = [.. failures];

    /// <summary>The page of the first known failure that caused <paramref name="error"/>; null for none of them, i.e. a bug.</summary>
    public FailurePage? PageFor(Exception? error) =>
        error is null ? null : _failures.Select(failure => failure.PageFor(error)).FirstOrDefault(page => page is not null);

    /// <summary>True when a dependency that is down caused <paramref name="error"/>: the 503 page, which a retry gets past.</summary>
    public bool IsOutage(Exception? error) => PageFor(error)?.RetryAfter is not null;

    /// <summary>
    /// For <see cref="ExceptionHandlerOptions.SuppressDiagnosticsCallback"/>: the error page logs a known failure itself, once,
    /// with its cause and without a stack trace, so the exception handler's "unhandled exception" error is not written for it.
    /// </summary>
    public bool AreLoggedByTheErrorPage(ExceptionHandlerSuppressDiagnosticsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return PageFor(context.Exception) is not null;
    }
}
