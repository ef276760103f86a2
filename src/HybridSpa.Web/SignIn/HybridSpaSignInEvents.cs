using HybridSpa.Web.Configuration;
using HybridSpa.Web.HandOff;
using HybridSpa.Web.IdentityProvider;
using HybridSpa.Web.Security;
using HybridSpa.Web.SharedState;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace HybridSpa.Web.SignIn;

/// <summary>
/// What the hybrid flow adds to Microsoft.Identity.Web's sign-in, chained onto the events Identity.Web configured (each
/// addition calls the event it wraps, never replaces it):
/// the SPA code, caught during redemption (<see cref="SpaCodeCatcher"/>), reaches the take-once hand-off only once the id_token validated; an account that cannot get a
/// SPA code (AADSTS9000512) signs in again without asking for one; a <c>prompt=none</c> round trip that needs interaction
/// becomes the normal sign-in with the same login hint; sign-out sends <c>logout_hint</c>; failures get the error page; only the
/// newest few unfinished sign-ins keep their cookies (<see cref="PendingSignInCookies"/>).
/// </summary>
internal sealed partial class HybridSpaSignInEvents(ILogger<HybridSpaSignInEvents> logger) : IPostConfigureOptions<OpenIdConnectOptions>
{
    // RemoteAuthenticationHandler's mark of the scheme that issued a ticket: the default scheme accepts only its own.
    private const string IssuingSchemeKey = ".AuthScheme";

    // Holds the SPA code between redemption and validation, in this request's memory only.
    private static readonly object SpaCodeItemKey = new();

    // Kept in the protected state, because challenge parameters do not come back with the callback.
    private const string PromptKey = "hybridspa.prompt";
    private const string LoginHintKey = "hybridspa.login_hint";

    private static readonly HashSet<string> InteractionRequiredErrors = new(StringComparer.Ordinal)
    {
        "login_required", "interaction_required", "consent_required", "account_selection_required",
    };

    /// <inheritdoc />
    public void PostConfigure(string? name, OpenIdConnectOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name is not (SignInSchemes.OpenIdConnect or SignInSchemes.OpenIdConnectWithoutSpaCode))
        {
            return;
        }

        var events = options.Events;
        var messageReceived = events.OnMessageReceived;
        events.OnMessageReceived = context =>
        {
            // The handler puts error, error_description and error_uri into its exception and its log lines: neutralise first.
            foreach (var (key, value) in context.ProtocolMessage.Parameters.ToList())
            {
                context.ProtocolMessage.Parameters[key] = LoggedValue.Neutralize(value);
            }

            return messageReceived(context);
        };

        var redirectToIdentityProvider = events.OnRedirectToIdentityProvider;
        events.OnRedirectToIdentityProvider = async context =>
        {
            // Before Identity.Web's handler, which moves the login hint out of the properties.
            RememberForRestart(context);
            if (context.Properties.GetParameter<ICollection<string>>(OpenIdConnectParameterNames.Scope) is { Count: > 0 } scopes)
            {
                // AuthorizeForScopes: the token cache could not give these scopes without the user (AADSTS65001, a claims challenge).
                LogIncrementalConsent(logger, string.Join(' ', scopes));
            }

            await redirectToIdentityProvider(context);
            PendingSignInCookies.Cap(context);
            ReplacedTicket.Remember(context);

            // Identity.Web 4.18 does not ask for client_info at all, yet reads it from the response for the user's home account id
            // ({uid}.{utid}), which finds the user's tokens in the cache; TokenResponseValidation checks it against the oid.
            context.ProtocolMessage.SetParameter("client_info", "1");
        };

        var authorizationCodeReceived = events.OnAuthorizationCodeReceived;
        events.OnAuthorizationCodeReceived = async context =>
        {
            var session = context.HttpContext.Features.Get<ISessionFeature>();
            var catcher = new SpaCodeCatcher();
            context.HttpContext.Features.Set<ISessionFeature>(catcher);
            try
            {
                await authorizationCodeReceived(context);
                if (catcher.SpaCode is { } spaCode)
                {
                    context.HttpContext.Items[SpaCodeItemKey] = spaCode;
                }
            }
            catch (MsalServiceException ex) when (name == SignInSchemes.OpenIdConnect && IdentityProviderError.AadstsCodeOf(ex.Message) == "9000512")
            {
                // Personal accounts cannot get a hybrid SPA code and this code is spent: sign in again without asking for one.
                LogSpaCodeRefused(logger);
                await RestartAsync(context.HttpContext, SignInSchemes.OpenIdConnectWithoutSpaCode, context.Properties, prompt: "none");
                context.HandleResponse();
            }
            catch (Exception ex) when (IdentityProviderUnavailable.IsCauseOf(ex) || SharedStateUnavailableException.IsCauseOf(ex))
            {
                // A failed result, not a throw: the handler logs whatever an event throws as an Error with its stack, while this
                // outage is expected and the error page logs it once, as a Warning with its cause, answering the 503 page.
                context.Fail(ex);
            }
            finally
            {
                context.HttpContext.Features.Set(session);
            }
        };

        var tokenValidated = events.OnTokenValidated;
        events.OnTokenValidated = async context =>
        {
            if (TokenResponseValidation.Check(context) is { } failure)
            {
                context.Fail(failure);
                return;
            }

            await tokenValidated(context);
            if (context.Result is null)
            {
                // The id_token is the sign-out's id_token_hint; the access and refresh tokens stay in MSAL's cache.
                context.Properties!.StoreTokens([new AuthenticationToken { Name = OpenIdConnectParameterNames.IdToken, Value = context.SecurityToken.RawData }]);
                await HandOffAsync(context);
            }
        };

        var ticketReceived = events.OnTicketReceived;
        events.OnTicketReceived = async context =>
        {
            if (name == SignInSchemes.OpenIdConnectWithoutSpaCode)
            {
                // The cookie must be accepted by the default scheme, or it would challenge this user again and again.
                context.Properties!.Items[IssuingSchemeKey] = SignInSchemes.OpenIdConnect;
            }

            PendingSignInCookies.Prune(context.HttpContext, options);
            await ticketReceived(context);
        };

        var remoteFailure = events.OnRemoteFailure;
        events.OnRemoteFailure = async context =>
        {
            await remoteFailure(context);
            if (!context.Result?.Handled ?? true)
            {
                await HandleFailureAsync(context, name);
            }
        };

        var signedOutCallback = events.OnSignedOutCallbackRedirect;
        events.OnSignedOutCallbackRedirect = async context =>
        {
            await signedOutCallback(context);
            if (context.Result is null && string.IsNullOrEmpty(context.Properties?.RedirectUri))
            {
                // Only a state we protected picks the target; anything else (absent, forged) lands on the signed-out page.
                context.Response.Redirect(context.Options.SignedOutRedirectUri);
                context.HandleResponse();
            }
        };

        var signOut = events.OnRedirectToIdentityProviderForSignOut;
        events.OnRedirectToIdentityProviderForSignOut = async context =>
        {
            await signOut(context);

            // The opaque login_hint claim (not the UPN) names the account to sign out without the account picker.
            if (context.HttpContext.User.FindFirst("login_hint")?.Value is { } hint)
            {
                context.ProtocolMessage.SetParameter("logout_hint", hint);
            }
        };
    }

    private static void RememberForRestart(RedirectContext context)
    {
        if (context.ProtocolMessage.Prompt == "none")
        {
            context.Properties.Items[PromptKey] = "none";
        }

        if (context.Properties.GetParameter<string>(OpenIdConnectParameterNames.LoginHint) is { Length: > 0 } hint)
        {
            context.Properties.Items[LoginHintKey] = hint;
        }
    }

    private static async Task HandOffAsync(TokenValidatedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var spaCode = context.HttpContext.Items.Remove(SpaCodeItemKey, out var code) ? (string?)code : null;
        var user = context.Principal!;
        var spaCodeRequested = services.GetRequiredService<IOptions<AzureAdOptions>>().Value.WithSpaAuthCode;
        var handOff = new SpaHandOff(spaCode, user.LoginHint(), user.SessionId(), BootstrapByRedirect: spaCodeRequested && spaCode is null);
        await services.GetRequiredService<SpaHandOffStore>().PutAsync(context.HttpContext, user, handOff, context.HttpContext.RequestAborted);
    }

    private async Task HandleFailureAsync(RemoteFailureContext context, string scheme)
    {
        context.HttpContext.Items.Remove(SpaCodeItemKey);
        if (SharedStateUnavailableException.IsCauseOf(context.Failure) || IdentityProviderUnavailable.IsCauseOf(context.Failure))
        {
            // Left unhandled, the handler rethrows and the exception handler answers the 503 page: the user retries.
            return;
        }

        var error = IdentityProviderError.From(context.Failure);
        if (context.Properties?.Items.ContainsKey(PromptKey) == true && error?.Error is { } code && InteractionRequiredErrors.Contains(code))
        {
            LogSilentSignInNeedsInteraction(logger, LoggedValue.Neutralize(code)!);
            await RestartAsync(context.HttpContext, scheme, context.Properties, prompt: null);
            context.HandleResponse();
            return;
        }

        LogSignInFailed(
            logger,
            context.Failure?.GetType().Name ?? "unknown",
            LoggedValue.Neutralize(error?.Error),
            LoggedValue.Neutralize(error?.AadstsCode),
            LoggedValue.Neutralize(error?.CorrelationId));
        context.Response.Redirect(SignInErrorRedirect.For(context.Failure));
        context.HandleResponse();
    }

    private static Task RestartAsync(HttpContext httpContext, string scheme, AuthenticationProperties? previous, string? prompt)
    {
        var properties = new OpenIdConnectChallengeProperties { RedirectUri = previous?.RedirectUri ?? "/", Prompt = prompt };

        if (previous?.Items.TryGetValue(LoginHintKey, out var hint) == true)
        {
            properties.SetParameter(OpenIdConnectParameterNames.LoginHint, hint);
        }

        return httpContext.ChallengeAsync(scheme, properties);
    }

    [LoggerMessage(100, LogLevel.Warning, "Sign-in failed ({FailureType}): error {Error}, AADSTS{AadstsCode}, correlation id {CorrelationId}", EventName = "SignInFailed")]
    private static partial void LogSignInFailed(ILogger logger, string failureType, string? error, string? aadstsCode, string? correlationId);

    [LoggerMessage(101, LogLevel.Information, "The account cannot get a SPA code (AADSTS9000512): signing in again without asking for one", EventName = "SpaCodeRefused")]
    private static partial void LogSpaCodeRefused(ILogger logger);

    [LoggerMessage(103, LogLevel.Information, "Asking the user for scopes the token cache cannot give without them ({Scopes})", EventName = "IncrementalConsent")]
    private static partial void LogIncrementalConsent(ILogger logger, string scopes);

    [LoggerMessage(102, LogLevel.Information, "A silent sign-in needs interaction ({Error}): signing in with the login hint", EventName = "SilentSignInNeedsInteraction")]
    private static partial void LogSilentSignInNeedsInteraction(ILogger logger, string error);
}
