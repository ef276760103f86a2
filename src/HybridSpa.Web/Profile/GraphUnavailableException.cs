using Microsoft.Kiota.Abstractions;

namespace HybridSpa.Web.Profile;

/// <summary>
/// Microsoft Graph did not answer (network failure or timeout). Its own type because the identity provider's failures are
/// HttpRequestExceptions too, and the error page must not blame the one for the other.
/// </summary>
public sealed class GraphUnavailableException(string message, Exception innerException) : Exception(message, innerException)
{
    /// <summary>True when <paramref name="exception"/> or anything it wraps says Graph is down: no answer, or a 5xx answer.</summary>
    public static bool IsCauseOf(Exception? exception) => exception switch
    {
        null => false,
        GraphUnavailableException => true,
        ApiException api when api.ResponseStatusCode >= StatusCodes.Status500InternalServerError => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsCauseOf),
        _ => IsCauseOf(exception.InnerException),
    };
}
