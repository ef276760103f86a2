using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace HybridSpa.Web.SignIn;

/// <summary>
/// Asks for <c>client_info</c>: Identity.Web 4.18 does not, yet reads it from the response for the user's home account id
/// ({uid}.{utid}), which finds the user's tokens in the cache; <see cref="TokenResponseValidation"/> checks it against the oid.
/// </summary>
internal sealed class ClientInfoRequest : SignInEventsAddition
{
    /// <inheritdoc />
    protected override void Chain(string scheme, OpenIdConnectOptions options)
    {
        var redirectToIdentityProvider = options.Events.OnRedirectToIdentityProvider;
        options.Events.OnRedirectToIdentityProvider = async context =>
        {
            await redirectToIdentityProvider(context);
            context.ProtocolMessage.SetParameter("client_info", "1");
        };
    }
}
