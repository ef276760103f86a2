using Microsoft.AspNetCore.Authentication;

namespace HybridSpa.Web.Authentication.EntraSignIn;

/// <summary>Typed challenge properties: what a caller (or a re-challenge) can ask of the authorize request.</summary>
public sealed class EntraChallengeProperties : AuthenticationProperties
{
    /// <summary>Creates empty properties.</summary>
    public EntraChallengeProperties()
    {
    }

    /// <summary>The <c>prompt</c> parameter (<c>none</c>, <c>login</c>, <c>consent</c>, <c>select_account</c>).</summary>
    public string? Prompt
    {
        get => GetParameter<string>("prompt");
        set => SetParameter("prompt", value);
    }

    /// <summary>The <c>login_hint</c> parameter.</summary>
    public string? LoginHint
    {
        get => GetParameter<string>("login_hint");
        set => SetParameter("login_hint", value);
    }

    /// <summary>The <c>domain_hint</c> parameter.</summary>
    public string? DomainHint
    {
        get => GetParameter<string>("domain_hint");
        set => SetParameter("domain_hint", value);
    }

    /// <summary>A claims challenge (JSON) to pass as the <c>claims</c> parameter.</summary>
    public string? Claims
    {
        get => GetParameter<string>("claims");
        set => SetParameter("claims", value);
    }

    /// <summary>Scopes requested on top of the configured ones (incremental consent).</summary>
    public IReadOnlyCollection<string>? ExtraScopes
    {
        get => GetParameter<IReadOnlyCollection<string>>("scope");
        set => SetParameter("scope", value);
    }

    /// <summary>Redeem this sign-in's code without asking for a hybrid SPA code (the IdP refused one before).</summary>
    public bool SpaCodeDisabled
    {
        get => Items.ContainsKey(EntraSignInDefaults.SpaCodeDisabledKey);
        set
        {
            if (value)
            {
                Items[EntraSignInDefaults.SpaCodeDisabledKey] = "1";
            }
            else
            {
                Items.Remove(EntraSignInDefaults.SpaCodeDisabledKey);
            }
        }
    }
}
