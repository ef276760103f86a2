using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace HybridSpa.Web.SignIn;

/// <summary>
/// Keeps the sign-in cookie's ticket on the server (<see cref="DistributedTicketStore"/>) and ends a sign-in after
/// <see cref="SignInLifetimeOptions.AbsoluteLifetime"/>, chained onto the cookie events Identity.Web configured.
/// </summary>
internal sealed class ServerSideSessionEvents(ITicketStore ticketStore, IOptions<SignInLifetimeOptions> lifetime, TimeProvider clock)
    : IPostConfigureOptions<CookieAuthenticationOptions>
{
    // The ticket's IssuedUtc moves with every sliding renewal, so the moment of the sign-in itself is kept beside it.
    private const string SignedInAtKey = "hybridspa.signed_in_at";

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
            await ReplacedTicket.DeleteAsync(context, ticketStore);
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

    private bool IsWithinAbsoluteLifetime(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(SignedInAtKey, out var value)
        && DateTimeOffset.TryParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedInAt)
        && clock.GetUtcNow() - signedInAt < lifetime.Value.AbsoluteLifetime;
}
