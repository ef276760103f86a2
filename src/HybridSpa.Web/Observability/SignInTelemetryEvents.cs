using System.Diagnostics;
using HybridSpa.Web.Configuration;
using HybridSpa.Web.IdentityProvider;
using HybridSpa.Web.SharedState;
using HybridSpa.Web.SignIn;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace HybridSpa.Web.Observability;

/// <summary>
/// Traces and counts the sign-in from outside: wraps the events as the hybrid additions (<see cref="SignInAdditions"/>) left them (registered after them, so
/// every span covers Identity.Web's work and ours), and changes nothing they do. The callback's own span is ASP.NET Core's;
/// it gets the outcome as a tag.
/// </summary>
internal sealed class SignInTelemetryEvents(HybridSpaMetrics metrics, SignInSettings settings) : SignInEventsAddition
{
    private const string OutcomeTag = "hybridspa.sign_in.outcome";

    // Marks a callback that ended in a new challenge (counted as the restart, not as a failure).
    private static readonly object RestartedKey = new();

    // The OAuth and OpenID Connect error codes: what an attacker writes into a forged callback's error never becomes a series.
    private static readonly HashSet<string> KnownErrors = new(StringComparer.Ordinal)
    {
        "invalid_request", "unauthorized_client", "access_denied", "unsupported_response_type", "invalid_scope", "server_error",
        "temporarily_unavailable", "interaction_required", "login_required", "account_selection_required", "consent_required",
        "invalid_grant", "invalid_client", "unsupported_grant_type",
    };

    /// <inheritdoc />
    protected override void Chain(string name, OpenIdConnectOptions options)
    {
        var events = options.Events;
        var redirectToIdentityProvider = events.OnRedirectToIdentityProvider;
        events.OnRedirectToIdentityProvider = async context =>
        {
            await redirectToIdentityProvider(context);
            if (context.Request.Path == context.Options.CallbackPath)
            {
                // A challenge from inside the callback is one of the hybrid restarts.
                context.HttpContext.Items[RestartedKey] = true;
                Record(name == SignInSchemes.OpenIdConnectWithoutSpaCode ? SignInOutcome.SpaCodeRefused : SignInOutcome.SilentRestart);
            }
            else if (context.Properties.GetParameter<ICollection<string>>(OpenIdConnectParameterNames.Scope) is { Count: > 0 })
            {
                // Identity.Web's [AuthorizeForScopes] challenges with the scopes the user still has to consent to.
                Record(SignInOutcome.Consent);
            }
        };

        var authorizationCodeReceived = events.OnAuthorizationCodeReceived;
        events.OnAuthorizationCodeReceived = context =>
            TraceAsync("hybridspa.sign_in.redeem", name, () => authorizationCodeReceived(context), () => context.Result?.Failure);

        var tokenValidated = events.OnTokenValidated;
        events.OnTokenValidated = context =>
            TraceAsync("hybridspa.sign_in.validate", name, () => tokenValidated(context), () => context.Result?.Failure);

        var ticketReceived = events.OnTicketReceived;
        events.OnTicketReceived = async context =>
        {
            await ticketReceived(context);
            if (context.Result is null or { Succeeded: true })
            {
                Record(name == SignInSchemes.OpenIdConnectWithoutSpaCode ? SignInOutcome.Fallback
                    : settings.SpaCodeRequested ? SignInOutcome.Hybrid : SignInOutcome.Classic);
            }
        };

        var remoteFailure = events.OnRemoteFailure;
        events.OnRemoteFailure = async context =>
        {
            await remoteFailure(context);
            if (!context.HttpContext.Items.ContainsKey(RestartedKey))
            {
                Record(SignInOutcome.Failure, FailureReason(context.Failure));
            }
        };
    }

    private void Record(string outcome, string? failureReason = null)
    {
        Activity.Current?.SetTag(OutcomeTag, outcome);
        metrics.SignIn(outcome, failureReason);
    }

    private static async Task TraceAsync(string spanName, string scheme, Func<Task> inner, Func<Exception?> failure)
    {
        using var activity = HybridSpaDiagnostics.ActivitySource.StartActivity(spanName);
        activity?.SetTag("hybridspa.sign_in.scheme", scheme);
        try
        {
            await inner();
        }
        catch (Exception ex)
        {
            HybridSpaDiagnostics.RecordFailure(activity, ex);
            throw;
        }

        if (failure() is { } failed)
        {
            HybridSpaDiagnostics.RecordFailure(activity, failed);
        }
    }

    // A bounded set of values: a known OAuth error, the cause of a 503, or the type of the exception the handler failed with.
    private static string FailureReason(Exception? failure)
    {
        if (SharedStateUnavailableException.IsCauseOf(failure))
        {
            return "shared_store_unavailable";
        }

        if (IdentityProviderUnavailable.IsCauseOf(failure))
        {
            return "identity_provider_unavailable";
        }

        return IdentityProviderError.From(failure)?.Error is { } error && KnownErrors.Contains(error)
            ? error
            : failure?.GetType().Name ?? "unknown";
    }
}
