using HybridSpa.Web.Errors;
using Microsoft.Kiota.Abstractions;

namespace HybridSpa.Web.Profile;

/// <summary>
/// Microsoft Graph did not answer (network failure or timeout). Its own type because the identity provider's failures are
/// HttpRequestExceptions too, and the error page must not blame the one for the other.
/// </summary>
public sealed class GraphUnavailableException(string message, Exception innerException) : Exception(message, innerException)
{
    /// <summary>True when <paramref name="exception"/> or anything it wraps says Graph is down: no answer, or a 5xx answer.</summary>
    public static bool IsCauseOf(Exception? exception) => ExceptionCauses.Any(exception, cause =>
        cause is GraphUnavailableException || cause is ApiException { ResponseStatusCode: >= StatusCodes.Status500InternalServerError });
}
