using HybridSpa.Web.Security;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace HybridSpa.Web.SignIn;

/// <summary>A <c>prompt=none</c> round trip the identity provider answers "needs interaction" becomes the normal sign-in, with the same login hint.</summary>
internal sealed partial class SilentSignInRestart(ILogger<SilentSignInRestart> logger) : SignInEventsAddition
{
    private static readonly HashSet<string> InteractionRequiredErrors = new(StringComparer.Ordinal)
    {
        "login_required", "interaction_required", "consent_required", "account_selection_required",
    };

    /// <inheritdoc />
    protected override void Chain(string scheme, OpenIdConnectOptions options)
    {
        var remoteFailure = options.Events.OnRemoteFailure;
        options.Events.OnRemoteFailure = async context =>
        {
            await remoteFailure(context);
            if ((!context.Result?.Handled ?? true)
                && SignInRestart.WasSilent(context.Properties)
                && IdentityProviderError.From(context.Failure)?.Error is { } error
                && InteractionRequiredErrors.Contains(error))
            {
                LogSilentSignInNeedsInteraction(logger, LoggedValue.Neutralize(error)!);
                await SignInRestart.ChallengeAgainAsync(context.HttpContext, scheme, context.Properties, prompt: null);
                context.HandleResponse();
            }
        };
    }

    [LoggerMessage(102, LogLevel.Information, "A silent sign-in needs interaction ({Error}): signing in with the login hint", EventName = "SilentSignInNeedsInteraction")]
    private static partial void LogSilentSignInNeedsInteraction(ILogger logger, string error);
}
