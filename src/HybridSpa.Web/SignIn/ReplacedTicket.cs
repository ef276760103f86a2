using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace HybridSpa.Web.SignIn;

/// <summary>
/// A sign-in in a browser that is already signed in (the fresh-SPA-code round trip, a consent) gets a new ticket, and the old one
/// must go, or a copy of the old cookie would outlive the next sign-out. The callback arrives without the (Lax) cookie, so the
/// challenge notes the old ticket's key in the protected state, and the cookie sign-in at the callback deletes it.
/// </summary>
internal sealed class ReplacedTicket : SignInEventsAddition
{
    // The cookie handler's claim that carries the ticket's key in the store (CookieAuthenticationHandler.SessionIdClaim, private).
    private const string TicketKeyClaim = "Microsoft.AspNetCore.Authentication.Cookies-SessionId";

    private const string ReplacedTicketKey = "hybridspa.replaced_ticket";

    /// <inheritdoc />
    protected override void Chain(string scheme, OpenIdConnectOptions options)
    {
        var redirectToIdentityProvider = options.Events.OnRedirectToIdentityProvider;
        options.Events.OnRedirectToIdentityProvider = async context =>
        {
            await redirectToIdentityProvider(context);
            Remember(context);
        };
    }

    /// <summary>Deletes the ticket noted at the challenge; the note itself is not kept in the new ticket.</summary>
    public static Task DeleteAsync(CookieSigningInContext context, ITicketStore store) =>
        context.Properties.Items.Remove(ReplacedTicketKey, out var key) && key is not null
            ? store.RemoveAsync(key, context.HttpContext, context.HttpContext.RequestAborted)
            : Task.CompletedTask;

    // Notes the key of the ticket the request's cookie refers to, if any, in the challenge's state.
    private static void Remember(RedirectContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(SignInSchemes.Cookie);
        var cookie = options.CookieManager.GetRequestCookie(context.HttpContext, options.Cookie.Name!);
        if (cookie is not null && options.TicketDataFormat.Unprotect(cookie)?.Principal.FindFirst(TicketKeyClaim)?.Value is { } key)
        {
            context.Properties.Items[ReplacedTicketKey] = key;
        }
    }
}
