namespace HybridSpa.Web.Errors;

/// <summary>The server could not read the request (a malformed body): the 400 page, logged at Information.</summary>
public sealed partial class UnreadableRequest : IKnownFailure
{
    /// <inheritdoc />
    public FailurePage? PageFor(Exception exception)
    {
        if (!ExceptionCauses.Any(exception, cause => cause is BadHttpRequestException))
        {
            return null;
        }

        var (code, title, explanation) = StatusPages.For(StatusCodes.Status400BadRequest);
        return new FailurePage(code, title, explanation, LogUnreadableRequest);
    }

    [LoggerMessage(202, LogLevel.Information, "The request could not be read: answered 400. Cause: {Cause}", EventName = "UnreadableRequest")]
    private static partial void LogUnreadableRequest(ILogger logger, string cause);
}
