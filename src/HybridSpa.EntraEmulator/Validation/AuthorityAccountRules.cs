using HybridSpa.EntraEmulator.Errors;
using HybridSpa.EntraEmulator.Hosting;

namespace HybridSpa.EntraEmulator.Validation;

/// <summary>
/// Which accounts an authority serves: <c>consumers</c> (and the consumer tenant) personal Microsoft accounts only,
/// <c>organizations</c> work and school accounts only, <c>common</c> both, the work tenant its members and guests;
/// and which issued grants (codes, refresh tokens) an authority may redeem.
/// </summary>
internal static class AuthorityAccountRules
{
    /// <summary>Null when <paramref name="user"/> may sign in at <paramref name="route"/>; else the error Entra shows on its sign-in page.</summary>
    public static AadstsError? ForSignIn(TenantRoute route, TestUser user)
    {
        var servesOnlyPersonal = route.Segment == "consumers" || route.TenantId == DevelopmentDefaults.ConsumersTenantId;
        if (servesOnlyPersonal && !user.IsPersonalAccount)
        {
            return AadstsErrors.WorkAccountAtConsumers(user.UserPrincipalName);
        }

        return route.Segment == "organizations" && user.IsPersonalAccount ? AadstsErrors.PersonalAccountAtOrganizations(user.UserPrincipalName) : null;
    }

    /// <summary>
    /// Whether a grant issued by <paramref name="issuingTenantId"/> to a personal or work account may be redeemed at
    /// <paramref name="route"/> (else AADSTS700005): organizations owns no personal account's grant, not even a guest's.
    /// </summary>
    public static bool CanRedeem(TenantRoute route, string issuingTenantId, bool isPersonalAccount)
    {
        var issuedByConsumers = issuingTenantId.Equals(DevelopmentDefaults.ConsumersTenantId, StringComparison.OrdinalIgnoreCase);
        return route.Segment switch
        {
            _ when route.TenantId is { } tenantId => tenantId.Equals(issuingTenantId, StringComparison.OrdinalIgnoreCase),
            "consumers" => issuedByConsumers,
            "organizations" => !issuedByConsumers && !isPersonalAccount,
            _ => true,
        };
    }
}
