using HybridSpa.Web.Errors;
using HybridSpa.Web.Security;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace HybridSpa.Web.SignIn;

/// <summary>
/// A failed sign-in is logged once and answered with the sign-in error page (<see cref="SignInErrorRedirect"/>), where the
/// official handler would answer 500; an unreachable identity provider or shared store is left to the 503 page.
/// </summary>
internal sealed partial class SignInErrorPage(KnownFailures failures, ILogger<SignInErrorPage> logger) : SignInEventsAddition
{
    /// <inheritdoc />
    protected override void Chain(string scheme, OpenIdConnectOptions options)
    {
        var events = options.Events;
        var authorizationCodeReceived = events.OnAuthorizationCodeReceived;
        events.OnAuthorizationCodeReceived = async context =>
        {
            try
            {
                await authorizationCodeReceived(context);
            }
            catch (Exception ex) when (failures.IsOutage(ex))
            {
                // A failed result, not a throw: the handler logs whatever an event throws as an Error with its stack, while this
                // outage is expected and the error page logs it once, as a Warning with its cause, answering the 503 page.
                context.Fail(ex);
            }
        };

        var remoteFailure = events.OnRemoteFailure;
        events.OnRemoteFailure = async context =>
        {
            await remoteFailure(context);

            // Left unhandled, an outage makes the handler rethrow and the exception handler answer the 503 page: the user retries.
            if ((context.Result?.Handled ?? false) || failures.IsOutage(context.Failure))
            {
                return;
            }

            var error = IdentityProviderError.From(context.Failure);
            LogSignInFailed(
                logger,
                context.Failure?.GetType().Name ?? "unknown",
                LoggedValue.Neutralize(error?.Error),
                LoggedValue.Neutralize(error?.AadstsCode),
                LoggedValue.Neutralize(error?.CorrelationId));
            context.Response.Redirect(SignInErrorRedirect.For(context.Failure));
            context.HandleResponse();
        };
    }

    [LoggerMessage(100, LogLevel.Warning, "Sign-in failed ({FailureType}): error {Error}, AADSTS{AadstsCode}, correlation id {CorrelationId}", EventName = "SignInFailed")]
    private static partial void LogSignInFailed(ILogger logger, string failureType, string? error, string? aadstsCode, string? correlationId);
}
