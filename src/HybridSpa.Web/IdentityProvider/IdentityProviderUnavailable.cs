using HybridSpa.Web.Errors;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Polly;

namespace HybridSpa.Web.IdentityProvider;

/// <summary>
/// Recognises "the identity provider did not answer" among the exceptions the sign-in handler (metadata), MSAL.NET (token
/// requests) and token acquisition for Graph raise: each wraps the HttpClient's failure in its own exception. The 503 page.
/// </summary>
public sealed class IdentityProviderUnavailable(IOptions<IdentityProviderClientOptions> options) : IKnownFailure
{
    /// <summary>
    /// True when <paramref name="exception"/> or anything it wraps is a network failure, a timeout or an open circuit, or MSAL's
    /// own report of one (it turns timeouts and 5xx answers into error codes).
    /// </summary>
    public static bool IsCauseOf(Exception? exception) => ExceptionCauses.Any(exception, cause =>
        cause is HttpRequestException or ExecutionRejectedException
        || cause is MsalServiceException { ErrorCode: MsalError.RequestTimeout or MsalError.ServiceNotAvailable });

    /// <inheritdoc />
    public FailurePage? PageFor(Exception exception) => IsCauseOf(exception)
        ? FailurePage.Unavailable(
            "The identity provider",
            "The identity provider cannot be reached right now, so signing in is not possible. Nothing is lost; please try again in a moment.",

            // The circuit breaker's break: the first moment a new attempt can reach the identity provider.
            options.Value.CircuitBreaker.BreakDuration)
        : null;
}
