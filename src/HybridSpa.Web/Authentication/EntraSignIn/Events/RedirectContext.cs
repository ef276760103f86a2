using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace HybridSpa.Web.Authentication.EntraSignIn.Events;

/// <summary>Context of a redirect to the identity provider (sign-in or sign-out).</summary>
public sealed class RedirectContext(
    HttpContext context, AuthenticationScheme scheme, EntraSignInOptions options, AuthenticationProperties properties, OpenIdConnectMessage protocolMessage)
    : PropertiesContext<EntraSignInOptions>(context, scheme, options, properties)
{
    /// <summary>The authorize or end-session request about to be sent.</summary>
    public OpenIdConnectMessage ProtocolMessage { get; } = protocolMessage;

    /// <summary>Whether the application wrote the response itself.</summary>
    public bool Handled { get; private set; }

    /// <summary>Skips the handler's redirect.</summary>
    public void HandleResponse() => Handled = true;
}
