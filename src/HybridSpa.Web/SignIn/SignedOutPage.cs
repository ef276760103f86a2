using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace HybridSpa.Web.SignIn;

/// <summary>
/// The signed-out callback goes where the sign-out's protected state says, and only there: without such a state (absent,
/// forged) it lands on <see cref="OpenIdConnectOptions.SignedOutRedirectUri"/>.
/// </summary>
internal sealed class SignedOutPage : SignInEventsAddition
{
    /// <inheritdoc />
    protected override void Chain(string scheme, OpenIdConnectOptions options)
    {
        var signedOutCallback = options.Events.OnSignedOutCallbackRedirect;
        options.Events.OnSignedOutCallbackRedirect = async context =>
        {
            await signedOutCallback(context);
            if (context.Result is null && string.IsNullOrEmpty(context.Properties?.RedirectUri))
            {
                context.Response.Redirect(context.Options.SignedOutRedirectUri);
                context.HandleResponse();
            }
        };
    }
}
