using HybridSpa.Web.Errors;

namespace HybridSpa.Web.SharedState;

/// <summary>
/// The shared store (PostgreSQL or Redis) could not be reached or failed. Pages that need it answer 503 with Retry-After instead of
/// a 500: the condition is transient and nothing is lost, the next request after the store returns succeeds.
/// </summary>
public sealed class SharedStateUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SharedStateUnavailableException()
        : base("The shared state store is unavailable.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SharedStateUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Wraps the store's own failure.</summary>
    public SharedStateUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// True when <paramref name="exception"/> or anything it wraps is a <see cref="SharedStateUnavailableException"/>: the store
    /// fails deep inside session, MSAL, Data Protection or the sign-in handler, which wrap it in their own exceptions.
    /// </summary>
    public static bool IsCauseOf(Exception? exception) => ExceptionCauses.Any(exception, cause => cause is SharedStateUnavailableException);
}
