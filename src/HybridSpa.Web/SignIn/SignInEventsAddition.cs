using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace HybridSpa.Web.SignIn;

/// <summary>
/// One addition to the sign-in, chained onto the events of both sign-in schemes as the parts registered before it left them
/// (<see cref="SignInAdditions.AddHybridSignInAdditions"/> lists them); each wrapper calls the event it wraps, never replaces it.
/// </summary>
internal abstract class SignInEventsAddition : IPostConfigureOptions<OpenIdConnectOptions>
{
    /// <inheritdoc />
    public void PostConfigure(string? name, OpenIdConnectOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name is SignInSchemes.OpenIdConnect or SignInSchemes.OpenIdConnectWithoutSpaCode)
        {
            Chain(name, options);
        }
    }

    /// <summary>Wraps <paramref name="options"/>' events for <paramref name="scheme"/>, one of the two sign-in schemes.</summary>
    protected abstract void Chain(string scheme, OpenIdConnectOptions options);
}
