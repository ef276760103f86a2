using System.Security.Cryptography;
using System.Text;
using HybridSpa.EntraEmulator.Configuration;
using HybridSpa.EntraEmulator.Errors;
using HybridSpa.EntraEmulator.Hosting;
using HybridSpa.EntraEmulator.Pages;
using HybridSpa.EntraEmulator.Stores;
using HybridSpa.EntraEmulator.Validation;

namespace HybridSpa.EntraEmulator.Endpoints;

/// <summary>
/// <c>POST /{tenant}/login</c>: the sign-in, account-picker, step-up and consent forms. Each post must carry a valid flow token issued to
/// this browser; the original /authorize request is re-validated from it and the flow continues.
/// </summary>
internal sealed class LoginEndpoint(
    EmulatorDirectory directory,
    AuthorizeRequestValidator validator,
    AuthorizeFlow flow,
    FlowTokenProtector flowTokens,
    BrowserSessionStore sessions)
{
    public async Task HandleAsync(HttpContext context, string tenant)
    {
        var (parsed, parseError) = await RequestParameters.ReadAsync(context).ConfigureAwait(false);
        if (parseError is not null)
        {
            await flow.ErrorPageAsync(context, parseError).ConfigureAwait(false);
            return;
        }

        var form = parsed!;
        var state = flowTokens.Unprotect(form.GetValueOrDefault(FlowTokenField.Name), BrowserCookies.FindBrowserId(context));
        var route = TenantRoute.Resolve(tenant, directory);
        if (state is null || route is null || state.Tenant != route.Segment)
        {
            await flow.ErrorPageAsync(context, AadstsErrors.FlowExpired()).ConfigureAwait(false);
            return;
        }

        var result = validator.Validate(route, state.Parameters);
        if (result.Request is null)
        {
            await flow.ErrorPageAsync(context, result.PageError ?? result.RedirectError!.Error).ConfigureAwait(false);
            return;
        }

        var request = result.Request;
        var session = BrowserCookies.FindSession(context, sessions);
        var user = directory.FindUser(form.GetValueOrDefault("user") ?? state.UserObjectId);
        if (user is not null && AuthorityAccountRules.ForSignIn(route, user) is { } accountTypeError)
        {
            // As on Entra's page: the account is refused and the user may pick another; nothing is signed in.
            await flow.ShowSignInAsync(context, request, state.Parameters, $"AADSTS{accountTypeError.Code}: {accountTypeError.Message}").ConfigureAwait(false);
            return;
        }

        switch (form.GetValueOrDefault("action"))
        {
            case "signin" when user is not null:
                if (user.Password is not null && !SecretMatches(user.Password, form.GetValueOrDefault("password")))
                {
                    await flow.ShowSignInAsync(context, request, state.Parameters, "Your account or password is incorrect.").ConfigureAwait(false);
                    return;
                }

                session = flow.SignIn(context, session, user);
                await flow.ContinueAsync(context, request, state.Parameters, session, chosen: user, credentialEntered: true).ConfigureAwait(false);
                return;
            case "pick" when user is not null && session?.Find(user.ObjectId) is not null:
                await flow.ContinueAsync(context, request, state.Parameters, session, chosen: user).ConfigureAwait(false);
                return;
            case "other":
                await flow.ContinueAsync(context, request with { Prompt = "login" }, state.Parameters, session).ConfigureAwait(false);
                return;
            case "consent" when user is not null && user.ObjectId == state.UserObjectId && session?.Find(user.ObjectId) is not null:
                // The consent page is shown only once max_age was satisfied, so it is not asked again (max_age=0 would never end).
                await flow.ContinueAsync(context, request, state.Parameters, session, chosen: user, consentGiven: true, credentialEntered: true).ConfigureAwait(false);
                return;
            case "stepup" when user is not null && user.ObjectId == state.UserObjectId && state.StepUpCode is not null && request.Claims?.Acrs is { } acrs
                && session?.Find(user.ObjectId) is not null:
                if (!SecretMatches(state.StepUpCode, form.GetValueOrDefault("code")))
                {
                    await flow.ShowStepUpAsync(context, request, state.Parameters, user, acrs, "That code didn't work. Enter the new code shown below.").ConfigureAwait(false);
                    return;
                }

                session.StepUp(user.ObjectId, acrs);
                await flow.ContinueAsync(context, request, state.Parameters, session, chosen: user, credentialEntered: true).ConfigureAwait(false);
                return;
            case "deny" when state.UserObjectId is not null:
                await flow.RedirectErrorAsync(context, new AuthorizeRedirectError(request.RedirectUri, request.ResponseMode, request.State, AadstsErrors.UserDeclinedConsent())).ConfigureAwait(false);
                return;
            default:
                await flow.ErrorPageAsync(context, AadstsErrors.FlowExpired()).ConfigureAwait(false);
                return;
        }
    }

    private static bool SecretMatches(string expected, string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}
