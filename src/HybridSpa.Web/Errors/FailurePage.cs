namespace HybridSpa.Web.Errors;

/// <summary>
/// What the error page answers for a known failure: its status, what it tells the user, and the one line it logs with the
/// cause — without a stack trace, since a known failure is not a bug.
/// </summary>
public sealed partial record FailurePage(int StatusCode, string Title, string Explanation, Action<ILogger, string> Log)
{
    /// <summary>How long a client should wait before retrying when a dependency that gives no recovery time is down.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>When the same request is worth sending again (Retry-After); set only for a dependency that is down.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// A dependency that does not answer: 503 with Retry-After (<see cref="DefaultRetryAfter"/> unless the dependency says
    /// when it is back). Transient, nothing lost: the same request succeeds once it answers again.
    /// </summary>
    public static FailurePage Unavailable(string dependency, string explanation, TimeSpan? retryAfter = null) => new(
        StatusCodes.Status503ServiceUnavailable, "Temporarily unavailable", explanation, (logger, cause) => LogUnavailable(logger, dependency, cause))
    {
        RetryAfter = retryAfter ?? DefaultRetryAfter,
    };

    [LoggerMessage(200, LogLevel.Warning, "{Dependency} cannot be reached: answered the 503 page. Cause: {Cause}", EventName = "DependencyUnavailable")]
    private static partial void LogUnavailable(ILogger logger, string dependency, string cause);
}
