using HybridSpa.Web.Errors;
using Microsoft.Kiota.Abstractions;

namespace HybridSpa.Web.Profile;

/// <summary>Microsoft Graph answered the request with a refusal (4xx) that no retry and no consent can change.</summary>
public static class GraphRefusal
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
}
