using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace HybridSpa.Web.SignIn;

/// <summary>
/// Keeps what a sign-in restarted from its callback needs — whether it was silent (<c>prompt=none</c>), and its login hint — in
/// the protected state, because challenge parameters do not come back with the callback; and starts that restart.
/// </summary>
internal sealed class SignInRestart : SignInEventsAddition
{
    private const string PromptKey = "hybridspa.prompt";
    private const string LoginHintKey = "hybridspa.login_hint";

    /// <summary>True when the sign-in that <paramref name="properties"/> belong to asked with <c>prompt=none</c>.</summary>
    public static bool WasSilent(AuthenticationProperties? properties) => properties?.Items.ContainsKey(PromptKey) == true;

    /// <summary>Challenges <paramref name="scheme"/> again, with the login hint and target of the sign-in that <paramref name="previous"/> belong to.</summary>
    public static Task ChallengeAgainAsync(HttpContext httpContext, string scheme, AuthenticationProperties? previous, string? prompt)
    {
        var properties = new OpenIdConnectChallengeProperties { RedirectUri = previous?.RedirectUri ?? "/", Prompt = prompt };
        if (previous?.Items.TryGetValue(LoginHintKey, out var hint) == true)
        {
            properties.SetParameter(OpenIdConnectParameterNames.LoginHint, hint);
        }

        return httpContext.ChallengeAsync(scheme, properties);
    }

    /// <inheritdoc />
    protected override void Chain(string scheme, OpenIdConnectOptions options)
    {
        var redirectToIdentityProvider = options.Events.OnRedirectToIdentityProvider;
        options.Events.OnRedirectToIdentityProvider = context =>
        {
            // Before Identity.Web's handler, which moves the login hint out of the properties.
            if (context.ProtocolMessage.Prompt == "none")
            {
                context.Properties.Items[PromptKey] = "none";
            }

            if (context.Properties.GetParameter<string>(OpenIdConnectParameterNames.LoginHint) is { Length: > 0 } hint)
            {
                context.Properties.Items[LoginHintKey] = hint;
            }

            return redirectToIdentityProvider(context);
        };
    }
}
