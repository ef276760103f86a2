using Microsoft.AspNetCore.Authentication;

namespace HybridSpa.Web.Authentication.EntraSignIn.Events;

/// <summary>Context before the authorization code is redeemed.</summary>
public sealed class CodeRedemptionContext(
    HttpContext context, AuthenticationScheme scheme, EntraSignInOptions options, AuthenticationProperties properties, CodeRedemptionRequest request)
    : PropertiesContext<EntraSignInOptions>(context, scheme, options, properties)
{
    /// <summary>The redemption the handler is about to perform.</summary>
    public CodeRedemptionRequest Redemption { get; } = request;

    /// <summary>The result supplied by the application, if it redeemed the code itself.</summary>
    public CodeRedemptionResult? Result { get; private set; }

    /// <summary>Uses <paramref name="result"/> instead of the handler's redemption; the id_token is still validated.</summary>
    public void HandleCodeRedemption(CodeRedemptionResult result) => Result = result;
}
