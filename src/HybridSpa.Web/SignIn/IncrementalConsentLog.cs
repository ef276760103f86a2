using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace HybridSpa.Web.SignIn;

/// <summary>
/// Logs at Information a challenge for scopes the token cache could not give without the user (Identity.Web's
/// <c>AuthorizeForScopes</c>: AADSTS65001, a claims challenge), which the handler does not log at all.
/// </summary>
internal sealed partial class IncrementalConsentLog(ILogger<IncrementalConsentLog> logger) : SignInEventsAddition
{
    /// <inheritdoc />
    protected override void Chain(string scheme, OpenIdConnectOptions options)
    {
        var redirectToIdentityProvider = options.Events.OnRedirectToIdentityProvider;
        options.Events.OnRedirectToIdentityProvider = context =>
        {
            if (context.Properties.GetParameter<ICollection<string>>(OpenIdConnectParameterNames.Scope) is { Count: > 0 } scopes)
            {
                LogIncrementalConsent(logger, string.Join(' ', scopes));
            }

            return redirectToIdentityProvider(context);
        };
    }

    [LoggerMessage(103, LogLevel.Information, "Asking the user for scopes the token cache cannot give without them ({Scopes})", EventName = "IncrementalConsent")]
    private static partial void LogIncrementalConsent(ILogger logger, string scopes);
}
