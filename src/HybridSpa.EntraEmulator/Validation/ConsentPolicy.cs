using HybridSpa.EntraEmulator.Configuration;
using HybridSpa.EntraEmulator.Errors;
using HybridSpa.EntraEmulator.Scopes;
using HybridSpa.EntraEmulator.Stores;

namespace HybridSpa.EntraEmulator.Validation;

/// <summary>
/// Decides what needs the consent page. With <see cref="EntraEmulatorOptions.AutoConsent"/>, scopes inside the app's
/// <see cref="AppRegistration.DefaultConsentedScopes"/> (plus openid/profile/email) are granted silently, except for users
/// flagged <see cref="TestUser.RequiresConsent"/> and requests with <c>prompt=consent</c>.
/// </summary>
internal sealed class ConsentPolicy(ConsentStore consents, EmulatorDirectory directory)
{
    public bool IsGranted(AppRegistration app, TestUser user, ScopeSet scopes)
    {
        var granted = consents.GrantedScopes(app.ClientId, user.ObjectId);
        return scopes.GraphNames.All(granted.Contains);
    }

    /// <summary>Replaces <c>.default</c> by every Graph permission the user has granted the app.</summary>
    public ScopeSet ExpandDefault(AppRegistration app, TestUser user, ScopeSet scopes)
    {
        if (!scopes.IsDefault)
        {
            return scopes;
        }

        var granted = consents.GrantedScopes(app.ClientId, user.ObjectId).Concat(app.DefaultConsentedScopes);
        return scopes.WithGraph(scopes.Graph.Concat(granted.Select(name => new GraphScope(name, name))));
    }

    public bool CanGrantSilently(AppRegistration app, TestUser user, ScopeSet scopes)
    {
        if (!directory.Options.AutoConsent || user.RequiresConsent)
        {
            return false;
        }

        return scopes.GraphNames.All(name => app.DefaultConsentedScopes.Contains(name, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>True when the consent page must be shown for this request.</summary>
    public bool NeedsConsentPage(AppRegistration app, TestUser user, ScopeSet scopes, bool promptConsent)
    {
        if (promptConsent)
        {
            return true;
        }

        var granted = consents.GrantedScopes(app.ClientId, user.ObjectId);
        var everythingGranted = scopes.ConsentableNames.All(granted.Contains);
        return !everythingGranted && !CanGrantSilently(app, user, scopes);
    }

    /// <summary>The scopes a token request gets: the grant's own when none are requested, else the requested ones if already consented (AADSTS65001 otherwise).</summary>
    public (ScopeSet? Scopes, AadstsError? Error) ResolveTokenScopes(AppRegistration app, TestUser user, ScopeSet? requested, ScopeSet original)
    {
        if (requested is null)
        {
            return (original, null);
        }

        var expanded = ExpandDefault(app, user, requested);
        return IsGranted(app, user, expanded) ? (expanded, null) : (null, AadstsErrors.ConsentRequired(app.ClientId, app.DisplayName));
    }

    public void Grant(AppRegistration app, TestUser user, ScopeSet scopes) =>
        consents.Grant(app.ClientId, user.ObjectId, scopes.ConsentableNames);
}
