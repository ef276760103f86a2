using HybridSpa.Web.HandOff;
using HybridSpa.Web.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;

namespace HybridSpa.Web.FrontChannelLogout;

/// <summary>
/// Chained onto the sign-in cookie's events: a sign-in records its identity-provider session (<c>sid</c>) and account, and a
/// ticket whose session the identity provider has since ended (<see cref="FrontChannelLogoutController"/>) is refused and deleted,
/// on whichever instance it arrives.
/// </summary>
internal sealed class EndedSessionEvents(IdentityProviderSessions sessions) : IPostConfigureOptions<CookieAuthenticationOptions>
{
    private const string EpochKey = "hybridspa.idp_session_epoch";

    /// <inheritdoc />
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name != SignInSchemes.Cookie)
        {
            return;
        }

        var events = options.Events;
        var signingIn = events.OnSigningIn;
        events.OnSigningIn = async context =>
        {
            if (context.Principal?.SessionId() is { } sid)
            {
                context.Properties.Items[EpochKey] =
                    await sessions.RecordSignInAsync(sid, context.Principal.GetMsalAccountId(), context.HttpContext.RequestAborted);
            }

            await signingIn(context);
        };

        var validatePrincipal = events.OnValidatePrincipal;
        events.OnValidatePrincipal = async context =>
        {
            if (context.Principal?.SessionId() is { } sid
                && context.Properties.Items.TryGetValue(EpochKey, out var epoch) && epoch is not null
                && await sessions.HasEndedAsync(sid, epoch, context.HttpContext.RequestAborted))
            {
                // Signing out also deletes the stored ticket; the request then goes on as anonymous (a challenge).
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(SignInSchemes.Cookie);
                return;
            }

            await validatePrincipal(context);
        };
    }
}
