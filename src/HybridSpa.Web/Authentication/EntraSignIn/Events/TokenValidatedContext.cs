using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;

namespace HybridSpa.Web.Authentication.EntraSignIn.Events;

/// <summary>Context after the id_token was validated and the principal built; <c>Principal</c> and <c>Properties</c> can be changed.</summary>
public sealed class TokenValidatedContext(
    HttpContext context,
    AuthenticationScheme scheme,
    EntraSignInOptions options,
    AuthenticationProperties properties,
    JsonWebToken idToken,
    CodeRedemptionResult redemption,
    bool spaCodeRequested)
    : RemoteAuthenticationContext<EntraSignInOptions>(context, scheme, options, properties)
{
    /// <summary>The validated id_token.</summary>
    public JsonWebToken IdToken { get; } = idToken;

    /// <summary>What the token endpoint returned (includes the SPA code, if any).</summary>
    public CodeRedemptionResult Redemption { get; } = redemption;

    /// <summary>Whether this sign-in asked for a hybrid SPA code.</summary>
    public bool SpaCodeRequested { get; } = spaCodeRequested;
}
