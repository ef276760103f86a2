using HybridSpa.Web.SignIn;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Polly.CircuitBreaker;

namespace HybridSpa.Web.IdentityProvider;

/// <summary>
/// While the identity provider's circuit is open, a sign-in is the 503 page instead of a redirect: with its metadata cached, the
/// handler would otherwise send the browser to an identity provider known not to answer (a connection error in the browser).
/// </summary>
internal sealed class OpenCircuitSignInGuard(IdentityProviderCircuit circuit) : SignInEventsAddition
{
    /// <inheritdoc />
    protected override void Chain(string scheme, OpenIdConnectOptions options)
    {
        var redirectToIdentityProvider = options.Events.OnRedirectToIdentityProvider;
        options.Events.OnRedirectToIdentityProvider = context =>
        {
            // Thrown, it reaches the exception handler like any open-circuit failure: the 503 page with Retry-After.
            return circuit.IsOpen
                ? throw new BrokenCircuitException("The identity provider's circuit is open: not sending the browser to it.")
                : redirectToIdentityProvider(context);
        };
    }
}
