using HybridSpa.Web.Configuration;
using HybridSpa.Web.HandOff;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.Features;

namespace HybridSpa.Web.SignIn;

/// <summary>
/// Catches the SPA code during Identity.Web's redemption (<see cref="SpaCodeCatcher"/>) and hands it to the page
/// (<see cref="SpaHandOffStore"/>) only once the id_token validated; a failed sign-in drops it.
/// </summary>
internal sealed class SpaCodeHandOff(SpaHandOffStore handOffStore, SignInSettings settings) : SignInEventsAddition
{
    // Holds the SPA code between redemption and validation, in this request's memory only.
    private static readonly object SpaCodeItemKey = new();

    /// <inheritdoc />
    protected override void Chain(string scheme, OpenIdConnectOptions options)
    {
        var events = options.Events;
        var authorizationCodeReceived = events.OnAuthorizationCodeReceived;
        events.OnAuthorizationCodeReceived = async context =>
        {
            var session = context.HttpContext.Features.Get<ISessionFeature>();
            var catcher = new SpaCodeCatcher();
            context.HttpContext.Features.Set<ISessionFeature>(catcher);
            try
            {
                await authorizationCodeReceived(context);
                if (context.Result is null && catcher.SpaCode is { } spaCode)
                {
                    context.HttpContext.Items[SpaCodeItemKey] = spaCode;
                }
            }
            finally
            {
                context.HttpContext.Features.Set(session);
            }
        };

        var tokenValidated = events.OnTokenValidated;
        events.OnTokenValidated = async context =>
        {
            await tokenValidated(context);
            if (context.Result is null)
            {
                var spaCode = context.HttpContext.Items.Remove(SpaCodeItemKey, out var code) ? (string?)code : null;
                var user = context.Principal!;
                var handOff = new SpaHandOff(spaCode, user.LoginHint(), user.SessionId(), BootstrapByRedirect: settings.SpaCodeRequested && spaCode is null);
                await handOffStore.PutAsync(context.HttpContext, user, handOff, context.HttpContext.RequestAborted);
            }
        };

        var remoteFailure = events.OnRemoteFailure;
        events.OnRemoteFailure = context =>
        {
            context.HttpContext.Items.Remove(SpaCodeItemKey);
            return remoteFailure(context);
        };
    }
}
