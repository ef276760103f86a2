using HybridSpa.Web.Authentication.EntraSignIn;
using HybridSpa.Web.Authentication.EntraSignIn.Events;
using HybridSpa.Web.Errors;
using HybridSpa.Web.HandOff;
using HybridSpa.Web.SharedState;
using HybridSpa.Web.TokenAcquisition;
using Microsoft.AspNetCore.Authentication;

namespace HybridSpa.Web.Authentication;

/// <summary>The app's reactions to sign-in: hand the SPA code to the session, turn failures into the friendly error page.</summary>
public sealed partial class HybridSpaSignInEvents(SpaCodeStore spaCodeStore, ILogger<HybridSpaSignInEvents> logger) : EntraSignInEvents
{
    /// <inheritdoc />
    public override async Task TokenValidated(TokenValidatedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.Principal!;
        await spaCodeStore.PutAsync(context.HttpContext, new SpaHandOff(
            context.Redemption.SpaCode,
            user.LoginHint(),
            user.FindFirst("sid")?.Value,
            BootstrapByRedirect: context.Redemption.SpaCode is null), context.HttpContext.RequestAborted);
        await base.TokenValidated(context);
    }

    /// <inheritdoc />
    public override Task RemoteFailure(RemoteFailureContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (SharedStateUnavailableException.IsCauseOf(context.Failure))
        {
            // Not the user's or the IdP's fault and not a sign-in error to explain: left unhandled, the handler rethrows and
            // the exception handler answers the 503 page, so the user retries instead of being told the sign-in failed.
            return Task.CompletedTask;
        }

        LogSignInFailed(logger, context.Failure?.GetType().Name ?? "unknown", context.Failure?.Message);
        context.Response.Redirect(SignInErrorRedirect.For(context.Failure));
        context.HandleResponse();
        return Task.CompletedTask;
    }

    [LoggerMessage(100, LogLevel.Warning, "Sign-in failed ({FailureType}): {FailureMessage}", EventName = "SignInFailed")]
    private static partial void LogSignInFailed(ILogger logger, string failureType, string? failureMessage);
}
