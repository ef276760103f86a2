using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Identity.Client;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace HybridSpa.Web.SignIn;

/// <summary>
/// An account that cannot get a hybrid SPA code (AADSTS9000512: personal accounts) signs in again, silently, on
/// <see cref="SignInSchemes.OpenIdConnectWithoutSpaCode"/>, whose ticket the default scheme then accepts.
/// </summary>
internal sealed partial class SpaCodeRefusedRestart(ILogger<SpaCodeRefusedRestart> logger) : SignInEventsAddition
{
    // RemoteAuthenticationHandler's mark of the scheme that issued a ticket: the default scheme accepts only its own.
    private const string IssuingSchemeKey = ".AuthScheme";

    /// <inheritdoc />
    protected override void Chain(string scheme, OpenIdConnectOptions options)
    {
        var events = options.Events;
        if (scheme == SignInSchemes.OpenIdConnectWithoutSpaCode)
        {
            var ticketReceived = events.OnTicketReceived;
            events.OnTicketReceived = context =>
            {
                // The cookie must be accepted by the default scheme, or it would challenge this user again and again.
                context.Properties!.Items[IssuingSchemeKey] = SignInSchemes.OpenIdConnect;
                return ticketReceived(context);
            };
            return;
        }

        var authorizationCodeReceived = events.OnAuthorizationCodeReceived;
        events.OnAuthorizationCodeReceived = async context =>
        {
            try
            {
                await authorizationCodeReceived(context);
            }
            catch (MsalServiceException ex) when (IdentityProviderError.AadstsCodeOf(ex.Message) == "9000512")
            {
                // This code is spent: sign in again without asking for a SPA code.
                LogSpaCodeRefused(logger);
                await SignInRestart.ChallengeAgainAsync(context.HttpContext, SignInSchemes.OpenIdConnectWithoutSpaCode, context.Properties, prompt: "none");
                context.HandleResponse();
            }
        };
    }

    [LoggerMessage(101, LogLevel.Information, "The account cannot get a SPA code (AADSTS9000512): signing in again without asking for one", EventName = "SpaCodeRefused")]
    private static partial void LogSpaCodeRefused(ILogger logger);
}
