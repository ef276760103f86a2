using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace HybridSpa.Web.SignIn;

/// <summary>
/// Names the account at sign-out, so the identity provider signs it out without the account picker: the sign-in keeps the
/// id_token (the <c>id_token_hint</c>; access and refresh tokens stay in MSAL's cache), and sign-out sends <c>logout_hint</c>.
/// </summary>
internal sealed class SignOutHints : SignInEventsAddition
{
    /// <inheritdoc />
    protected override void Chain(string scheme, OpenIdConnectOptions options)
    {
        var events = options.Events;
        var tokenValidated = events.OnTokenValidated;
        events.OnTokenValidated = async context =>
        {
            await tokenValidated(context);
            if (context.Result is null)
            {
                context.Properties!.StoreTokens([new AuthenticationToken { Name = OpenIdConnectParameterNames.IdToken, Value = context.SecurityToken.RawData }]);
            }
        };

        var signOut = events.OnRedirectToIdentityProviderForSignOut;
        events.OnRedirectToIdentityProviderForSignOut = async context =>
        {
            await signOut(context);

            // The opaque login_hint claim, not the UPN.
            if (context.HttpContext.User.FindFirst("login_hint")?.Value is { } hint)
            {
                context.ProtocolMessage.SetParameter("logout_hint", hint);
            }
        };
    }
}
