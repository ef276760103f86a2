using Microsoft.AspNetCore.Authentication;

namespace HybridSpa.Web.Authentication.EntraSignIn.Events;

/// <summary>Context of the identity provider's return to the post-logout redirect URI.</summary>
public sealed class SignedOutCallbackContext(
    HttpContext context, AuthenticationScheme scheme, EntraSignInOptions options, AuthenticationProperties? properties)
    : RemoteAuthenticationContext<EntraSignInOptions>(context, scheme, options, properties);
