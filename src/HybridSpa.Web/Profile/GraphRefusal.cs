using System.Globalization;
using HybridSpa.Web.Errors;
using Microsoft.Kiota.Abstractions;

namespace HybridSpa.Web.Profile;

/// <summary>
/// Microsoft Graph answered the request with a refusal (4xx) that no retry and no consent can change, e.g. 431 for a token too
/// large for it: the 502 page.
/// </summary>
public sealed partial class GraphRefusal : IKnownFailure
{
    /// <summary>The status Graph refused with, when <paramref name="exception"/> or anything it wraps is such an answer.</summary>
    public static int? StatusOf(Exception? exception)
    {
        int? status = null;
        ExceptionCauses.Any(exception, cause =>
        {
            status = cause is ApiException { ResponseStatusCode: >= StatusCodes.Status400BadRequest and < StatusCodes.Status500InternalServerError } refused
                ? refused.ResponseStatusCode
                : null;
            return status is not null;
        });
        return status;
    }

    /// <inheritdoc />
    public FailurePage? PageFor(Exception exception) => StatusOf(exception) is { } status
        ? new FailurePage(
            StatusCodes.Status502BadGateway,
            "Microsoft Graph refused the request",
            status == StatusCodes.Status431RequestHeaderFieldsTooLarge
                ? "Your sign-in carries more information (groups, roles) than Microsoft Graph accepts in one request (HTTP 431), so your profile cannot be shown. You are still signed in and the rest of the app works; an administrator can reduce the claims in your token."
                : string.Create(CultureInfo.InvariantCulture, $"Microsoft Graph refused to give your profile (HTTP {status}). You are still signed in and the rest of the app works."),
            (logger, cause) => LogGraphRefused(logger, status, cause))
        : null;

    [LoggerMessage(201, LogLevel.Warning, "Microsoft Graph refused the request with HTTP {Status}: answered the 502 page. Cause: {Cause}", EventName = "GraphRefused")]
    private static partial void LogGraphRefused(ILogger logger, int status, string cause);
}
