using HybridSpa.EntraEmulator.Errors;

namespace HybridSpa.EntraEmulator.Validation;

/// <summary>
/// Entra's cross-origin rules: SPA-type grants must come from a browser (an Origin header, no credential);
/// Web-type grants must not carry an Origin (entra-protocol.md §10 pitfall 3).
/// </summary>
internal static class OriginRules
{
    public static AadstsError? ForSpaGrant(string? origin, PresentedCredential credential)
    {
        if (origin is null)
        {
            return AadstsErrors.SpaTokensRequireCrossOrigin();
        }

        return credential.Kind == PresentedCredentialKind.None ? null : AadstsErrors.PublicClientPresentedCredential();
    }

    public static AadstsError? ForWebGrant(string? origin) => origin is null ? null : AadstsErrors.CrossOriginOnlyForSpa(origin);
}
