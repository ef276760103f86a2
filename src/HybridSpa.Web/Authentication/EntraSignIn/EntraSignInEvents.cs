using HybridSpa.Web.Authentication.EntraSignIn.Events;
using Microsoft.AspNetCore.Authentication;

namespace HybridSpa.Web.Authentication.EntraSignIn;

/// <summary>The hooks of the Entra sign-in handler, in the order they run.</summary>
public class EntraSignInEvents : RemoteAuthenticationEvents
{
    /// <summary>Before the browser is sent to the authorize endpoint.</summary>
    public Func<RedirectContext, Task> OnRedirectToIdentityProvider { get; set; } = _ => Task.CompletedTask;

    /// <summary>Before the code is redeemed; call <see cref="CodeRedemptionContext.HandleCodeRedemption"/> to redeem it yourself.</summary>
    public Func<CodeRedemptionContext, Task> OnRedeemingCode { get; set; } = _ => Task.CompletedTask;

    /// <summary>After the id_token was validated and the principal built, before the cookie sign-in.</summary>
    public Func<TokenValidatedContext, Task> OnTokenValidated { get; set; } = _ => Task.CompletedTask;

    /// <summary>Before the browser is sent to the end-session endpoint.</summary>
    public Func<RedirectContext, Task> OnRedirectToIdentityProviderForSignOut { get; set; } = _ => Task.CompletedTask;

    /// <summary>When the identity provider returns to the post-logout redirect URI.</summary>
    public Func<SignedOutCallbackContext, Task> OnSignedOutCallbackRedirect { get; set; } = _ => Task.CompletedTask;

    /// <summary>Invokes <see cref="OnRedirectToIdentityProvider"/>.</summary>
    public virtual Task RedirectToIdentityProvider(RedirectContext context) => OnRedirectToIdentityProvider(context);

    /// <summary>Invokes <see cref="OnRedeemingCode"/>.</summary>
    public virtual Task RedeemingCode(CodeRedemptionContext context) => OnRedeemingCode(context);

    /// <summary>Invokes <see cref="OnTokenValidated"/>.</summary>
    public virtual Task TokenValidated(TokenValidatedContext context) => OnTokenValidated(context);

    /// <summary>Invokes <see cref="OnRedirectToIdentityProviderForSignOut"/>.</summary>
    public virtual Task RedirectToIdentityProviderForSignOut(RedirectContext context) => OnRedirectToIdentityProviderForSignOut(context);

    /// <summary>Invokes <see cref="OnSignedOutCallbackRedirect"/>.</summary>
    public virtual Task SignedOutCallbackRedirect(SignedOutCallbackContext context) => OnSignedOutCallbackRedirect(context);
}
