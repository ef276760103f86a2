using HybridSpa.Web.IdentityProvider;
using HybridSpa.Web.Profile;
using HybridSpa.Web.SharedState;
using Microsoft.AspNetCore.Diagnostics;

namespace HybridSpa.Web.Errors;

/// <summary>The failures the error page explains, instead of "Something went wrong".</summary>
public enum KnownFailure
{
    /// <summary>None of these: a bug, which the exception handler logs with its stack trace.</summary>
    None,

    /// <summary>The shared store (session, tickets, token cache) does not answer.</summary>
    SharedStateUnavailable,

    /// <summary>Microsoft Graph does not answer, or answers 5xx.</summary>
    GraphUnavailable,

    /// <summary>Microsoft Graph answered, refusing the request (4xx), e.g. 431 for a token too large for it.</summary>
    GraphRefused,

    /// <summary>The identity provider does not answer, or its circuit is open.</summary>
    IdentityProviderUnavailable,

    /// <summary>The server could not read the request (a malformed body).</summary>
    UnreadableRequest,
}

/// <summary>Tells the known failures from bugs, for the error page and for the exception handler's log.</summary>
public static class KnownFailures
{
    /// <summary>Which known failure <paramref name="error"/> is, judged by what it wraps.</summary>
    public static KnownFailure Of(Exception? error) => error switch
    {
        null => KnownFailure.None,
        _ when SharedStateUnavailableException.IsCauseOf(error) => KnownFailure.SharedStateUnavailable,

        // Before the identity provider: Graph's network failures are HttpRequestExceptions too.
        _ when GraphUnavailableException.IsCauseOf(error) => KnownFailure.GraphUnavailable,
        _ when GraphRefusal.StatusOf(error) is not null => KnownFailure.GraphRefused,
        _ when IdentityProviderUnavailable.IsCauseOf(error) => KnownFailure.IdentityProviderUnavailable,
        _ when ExceptionCauses.Any(error, cause => cause is BadHttpRequestException) => KnownFailure.UnreadableRequest,
        _ => KnownFailure.None,
    };

    /// <summary>
    /// For <see cref="ExceptionHandlerOptions.SuppressDiagnosticsCallback"/>: the error page logs a known failure itself, once,
    /// with its cause and without a stack trace, so the exception handler's "unhandled exception" error is not written for it.
    /// </summary>
    public static bool AreLoggedByTheErrorPage(ExceptionHandlerSuppressDiagnosticsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(context.Exception) != KnownFailure.None;
    }
}
