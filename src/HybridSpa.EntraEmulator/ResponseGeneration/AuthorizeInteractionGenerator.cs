using HybridSpa.EntraEmulator.Configuration;
using HybridSpa.EntraEmulator.Errors;
using HybridSpa.EntraEmulator.Stores;
using HybridSpa.EntraEmulator.Validation;

namespace HybridSpa.EntraEmulator.ResponseGeneration;

/// <summary>
/// Decides between single sign-on, the sign-in page, the account picker and the consent page, following
/// <c>prompt</c> (none | login | select_account | consent), <c>login_hint</c> (UPN or the opaque login_hint claim), <c>max_age</c>, and the <c>claims</c> request (<c>nbf</c>, <c>acrs</c> step-up).
/// </summary>
internal sealed class AuthorizeInteractionGenerator(EmulatorDirectory directory, ConsentPolicy consent, TimeProvider clock)
{
    /// <param name="chosen">The user the sign-in page or picker has just produced, if any.</param>
    /// <param name="consentGiven">True when the user has just accepted the consent page.</param>
    /// <param name="credentialEntered">True when <paramref name="chosen"/> entered a credential in this flow (the sign-in page, or the consent page it led to).</param>
    public InteractionOutcome Decide(ValidatedAuthorizeRequest request, BrowserSession? session, TestUser? chosen, bool consentGiven, bool credentialEntered = false)
    {
        var user = chosen;
        if (user is null)
        {
            // Accounts this authority does not serve (a work account at consumers, a personal one at organizations) are not offered.
            var accounts = session?.Accounts.Select(a => directory.FindUser(a.UserObjectId)).OfType<TestUser>()
                .Where(u => AuthorityAccountRules.ForSignIn(request.Tenant, u) is null).ToList() ?? [];
            var hinted = directory.FindUserByHint(request.LoginHint);
            var outcome = request.Prompt switch
            {
                "none" => ChooseSilently(accounts, hinted, request.LoginHint),
                "login" => new InteractionOutcome.SignIn(),
                "select_account" => accounts.Count > 0 ? new InteractionOutcome.PickAccount(accounts) : new InteractionOutcome.SignIn(),
                _ => ChooseForSso(accounts, hinted, request.LoginHint),
            };
            if (outcome is not InteractionOutcome.Issue issue)
            {
                return outcome;
            }

            user = issue.User;
        }

        // OIDC max_age: a sign-in older than that asks for the credential again (silently impossible: login_required); max_age=0 is
        // a fresh authentication like prompt=login (OIDC Core 3.1.2.1), so only a credential entered in this flow satisfies it.
        if (!credentialEntered && request.MaxAge is { } maxAge && session?.Find(user.ObjectId) is { } signIn
            && (maxAge == TimeSpan.Zero || clock.GetUtcNow() - signIn.AuthTime > maxAge))
        {
            return request.Prompt == "none" ? new InteractionOutcome.Fail(AadstsErrors.LoginRequired()) : new InteractionOutcome.SignIn();
        }

        return DecideClaims(request, session?.Find(user.ObjectId), user, credentialEntered) ?? DecideConsent(request, user, consentGiven);
    }

    /// <summary>
    /// The claims request: an <c>nbf</c> later than the sign-in asks for a fresh one (as after a revocation); an <c>acrs</c> the
    /// sign-in has not satisfied shows the step-up page. Silently (prompt=none) neither is possible.
    /// </summary>
    private static InteractionOutcome? DecideClaims(ValidatedAuthorizeRequest request, AccountSignIn? signIn, TestUser user, bool credentialEntered)
    {
        if (request.Claims is not { } claims || signIn is null)
        {
            return null;
        }

        if (!credentialEntered && claims.NotBefore is { } notBefore && signIn.AuthTime.ToUnixTimeSeconds() < notBefore)
        {
            return request.Prompt == "none" ? new InteractionOutcome.Fail(AadstsErrors.LoginRequired()) : new InteractionOutcome.SignIn();
        }

        if (claims.Acrs is { } acrs && !signIn.Acrs.Contains(acrs, StringComparer.OrdinalIgnoreCase))
        {
            return request.Prompt == "none" ? new InteractionOutcome.Fail(AadstsErrors.InteractionRequired() with { Suberror = null }) : new InteractionOutcome.StepUp(user, acrs);
        }

        return null;
    }

    private static InteractionOutcome ChooseSilently(List<TestUser> accounts, TestUser? hinted, string? hint)
    {
        var candidates = hint is null ? accounts : accounts.Where(a => a == hinted).ToList();
        if (candidates.Count != 1)
        {
            return new InteractionOutcome.Fail(AadstsErrors.LoginRequired());
        }

        return candidates[0].InteractionRequiredOnSilent
            ? new InteractionOutcome.Fail(AadstsErrors.InteractionRequired() with { Suberror = null })
            : new InteractionOutcome.Issue(candidates[0]);
    }

    private static InteractionOutcome ChooseForSso(List<TestUser> accounts, TestUser? hinted, string? hint)
    {
        if (hint is not null)
        {
            return hinted is not null && accounts.Contains(hinted) ? new InteractionOutcome.Issue(hinted) : new InteractionOutcome.SignIn();
        }

        return accounts.Count switch
        {
            0 => new InteractionOutcome.SignIn(),
            1 => new InteractionOutcome.Issue(accounts[0]),
            _ => new InteractionOutcome.PickAccount(accounts),
        };
    }

    private InteractionOutcome DecideConsent(ValidatedAuthorizeRequest request, TestUser user, bool consentGiven)
    {
        var app = request.Application;
        var scopes = consent.ExpandDefault(app, user, request.Scopes);
        if (consentGiven || !consent.NeedsConsentPage(app, user, scopes, request.Prompt == "consent"))
        {
            consent.Grant(app, user, scopes);
            return new InteractionOutcome.Issue(user);
        }

        return request.Prompt == "none"
            ? new InteractionOutcome.Fail(AadstsErrors.ConsentRequiredAtAuthorize(app.ClientId, app.DisplayName))
            : new InteractionOutcome.Consent(user);
    }
}
