using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace HybridSpa.Web.SignIn;

/// <summary>
/// Keeps the sign-in cookie's ticket on the server (<see cref="DistributedTicketStore"/>) and ends a sign-in after
/// <see cref="SignInLifetimeOptions.AbsoluteLifetime"/>, chained onto the cookie events Identity.Web configured. A sign-in in a
/// browser that is already signed in (the fresh-SPA-code round trip, a consent) gets a new ticket, and the old one must go, or a
/// copy of the old cookie would outlive the next sign-out: the callback arrives without the (Lax) cookie, so the challenge notes
/// the old ticket's key in the protected state, and the cookie sign-in at the callback deletes it.
/// </summary>
internal sealed class ServerSideSessionEvents(ITicketStore ticketStore, IOptions<SignInLifetimeOptions> lifetime, TimeProvider clock)
    : SignInEventsAddition, IPostConfigureOptions<CookieAuthenticationOptions>
{
    // The ticket's IssuedUtc moves with every sliding renewal, so the moment of the sign-in itself is kept beside it.
    private const string SignedInAtKey = "hybridspa.signed_in_at";

    // The cookie handler's claim that carries the ticket's key in the store (CookieAuthenticationHandler.SessionIdClaim, private).
    private const string TicketKeyClaim = "Microsoft.AspNetCore.Authentication.Cookies-SessionId";

    private const string ReplacedTicketKey = "hybridspa.replaced_ticket";

    /// <inheritdoc />
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name != SignInSchemes.Cookie)
        {
            return;
        }

        options.SessionStore = ticketStore;
        options.CookieManager = new SessionlessPathsCookieManager();
        var events = options.Events;

        var signingIn = events.OnSigningIn;
        events.OnSigningIn = async context =>
        {
            var signedInAt = context.Properties.IssuedUtc ?? clock.GetUtcNow();
            context.Properties.Items[SignedInAtKey] = signedInAt.ToString("O", CultureInfo.InvariantCulture);
            await DeleteReplacedTicketAsync(context);
            await signingIn(context);
        };

        var validatePrincipal = events.OnValidatePrincipal;
        events.OnValidatePrincipal = async context =>
        {
            if (!IsWithinAbsoluteLifetime(context.Properties))
            {
                // Signing out also deletes the stored ticket; the request then goes on as anonymous (a challenge).
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(SignInSchemes.Cookie);
                return;
            }

            await validatePrincipal(context);
        };
    }

    /// <inheritdoc />
    protected override void Chain(string scheme, OpenIdConnectOptions options)
    {
        var redirectToIdentityProvider = options.Events.OnRedirectToIdentityProvider;
        options.Events.OnRedirectToIdentityProvider = async context =>
        {
            await redirectToIdentityProvider(context);
            RememberReplacedTicket(context);
        };
    }

    // Notes the key of the ticket the request's cookie refers to, if any, in the challenge's state.
    private static void RememberReplacedTicket(RedirectContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(SignInSchemes.Cookie);
        var cookie = options.CookieManager.GetRequestCookie(context.HttpContext, options.Cookie.Name!);
        if (cookie is not null && options.TicketDataFormat.Unprotect(cookie)?.Principal.FindFirst(TicketKeyClaim)?.Value is { } key)
        {
            context.Properties.Items[ReplacedTicketKey] = key;
        }
    }

    // Deletes the ticket noted at the challenge; the note itself is not kept in the new ticket.
    private Task DeleteReplacedTicketAsync(CookieSigningInContext context) =>
        context.Properties.Items.Remove(ReplacedTicketKey, out var key) && key is not null
            ? ticketStore.RemoveAsync(key, context.HttpContext, context.HttpContext.RequestAborted)
            : Task.CompletedTask;

    private bool IsWithinAbsoluteLifetime(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(SignedInAtKey, out var value)
        && DateTimeOffset.TryParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedInAt)
        && clock.GetUtcNow() - signedInAt < lifetime.Value.AbsoluteLifetime;
}
