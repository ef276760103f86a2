using HybridSpa.EntraEmulator.Configuration;
using HybridSpa.EntraEmulator.Errors;
using HybridSpa.EntraEmulator.Hosting;
using HybridSpa.EntraEmulator.Pages;
using HybridSpa.EntraEmulator.ResponseGeneration;
using HybridSpa.EntraEmulator.Stores;
using HybridSpa.EntraEmulator.Validation;

namespace HybridSpa.EntraEmulator.Endpoints;

/// <summary>Carries a validated /authorize request to its next step: a page (with a fresh flow token), an error redirect, or a code.</summary>
internal sealed class AuthorizeFlow(
    AuthorizeInteractionGenerator interaction,
    AuthorizeResponseGenerator responses,
    FlowTokenProtector flowTokens,
    BrowserSessionStore sessions,
    EmulatorDirectory directory,
    TimeProvider clock)
{
    public Task ContinueAsync(
        HttpContext context,
        ValidatedAuthorizeRequest request,
        Dictionary<string, string> parameters,
        BrowserSession? session,
        TestUser? chosen = null,
        bool consentGiven = false,
        string? message = null,
        bool credentialEntered = false)
    {
        var outcome = interaction.Decide(request, session, chosen, consentGiven, credentialEntered);
        var tenant = request.Tenant.Segment;
        switch (outcome)
        {
            case InteractionOutcome.SignIn signIn:
                return ShowSignInAsync(context, request, parameters, message ?? signIn.Message);
            case InteractionOutcome.PickAccount pick:
                return AccountPickerPage.WriteAsync(context, tenant, directory.Options.TenantDisplayName, pick.Accounts, FlowToken(context, parameters, tenant, null));
            case InteractionOutcome.Consent consent:
                return ConsentPage.WriteAsync(
                    context, tenant, request.Application, consent.User, request.Scopes.ConsentableNames, FlowToken(context, parameters, tenant, consent.User.ObjectId));
            case InteractionOutcome.StepUp stepUp:
                return ShowStepUpAsync(context, request, parameters, stepUp.User, stepUp.AuthenticationContext, message);
            case InteractionOutcome.Fail fail:
                return RedirectErrorAsync(context, new AuthorizeRedirectError(request.RedirectUri, request.ResponseMode, request.State, fail.Error));
            case InteractionOutcome.Issue issue:
                var account = session?.Find(issue.User.ObjectId);
                if (session is null || account is null)
                {
                    return ShowSignInAsync(context, request, parameters, message);
                }

                return AuthorizeResponseWriter.WriteAsync(context, request.RedirectUri, request.ResponseMode, responses.IssueCode(request, session, account, issue.User));
            default:
                throw new InvalidOperationException($"Unhandled interaction outcome {outcome.GetType().Name}.");
        }
    }

    public Task ShowSignInAsync(HttpContext context, ValidatedAuthorizeRequest request, Dictionary<string, string> parameters, string? message) =>
        SignInPage.WriteAsync(
            context, request.Tenant.Segment, directory.Options.TenantDisplayName, request.Application.DisplayName, OrderForHint(request.LoginHint),
            FlowToken(context, parameters, request.Tenant.Segment, null), message);

    /// <summary>The step-up page with a fresh one-time code, which travels (encrypted) in the flow token.</summary>
    public Task ShowStepUpAsync(HttpContext context, ValidatedAuthorizeRequest request, Dictionary<string, string> parameters, TestUser user, string authenticationContext, string? message)
    {
        var code = System.Security.Cryptography.RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var flowToken = flowTokens.Protect(parameters, request.Tenant.Segment, BrowserCookies.GetOrCreateBrowserId(context), user.ObjectId, code);
        return StepUpPage.WriteAsync(context, request.Tenant.Segment, user, authenticationContext, code, flowToken, message);
    }

    public Task RedirectErrorAsync(HttpContext context, AuthorizeRedirectError error)
    {
        var parameters = EntraErrorResponse.Create(error.Error, context, clock).ToRedirectParameters();
        if (error.State is not null)
        {
            parameters.Add(new("state", error.State));
        }

        return AuthorizeResponseWriter.WriteAsync(context, error.RedirectUri, error.ResponseMode, parameters);
    }

    public Task ErrorPageAsync(HttpContext context, AadstsError error) =>
        ErrorPage.WriteAsync(context, EntraErrorResponse.Create(error, context, clock));

    /// <summary>Signs the user in to the browser's emulator session, creating the session (and its cookie) on first sign-in.</summary>
    public BrowserSession SignIn(HttpContext context, BrowserSession? session, TestUser user)
    {
        session ??= sessions.Create();
        session.SignIn(user.ObjectId, Guid.NewGuid().ToString(), clock.GetUtcNow());
        BrowserCookies.SetSession(context, session);
        return session;
    }

    private string FlowToken(HttpContext context, Dictionary<string, string> parameters, string tenant, string? userObjectId) =>
        flowTokens.Protect(parameters, tenant, BrowserCookies.GetOrCreateBrowserId(context), userObjectId);

    /// <summary>The hinted user first, so the page a login_hint leads to starts with that account.</summary>
    private List<TestUser> OrderForHint(string? hint)
    {
        var hinted = directory.FindUserByHint(hint);
        return [.. directory.Users.OrderBy(u => u == hinted ? 0 : 1)];
    }
}
