using HybridSpa.EntraEmulator.Tokens;

namespace HybridSpa.EntraEmulator.Validation;

/// <summary>A client credentials request that passed every rule: an app-only token for the app, with its application permissions.</summary>
internal sealed record ValidatedClientCredentialsRequest(
    AppRegistration Application,
    string TenantId,
    IReadOnlyList<string> Roles,
    ClientAuthenticationMethod ClientAuthentication,
    string? IpAddress);
