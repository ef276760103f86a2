using HybridSpa.EntraEmulator.Tokens;

namespace HybridSpa.EntraEmulator.Configuration;

/// <summary>Look-ups over the live options (tests may add users and apps after start).</summary>
internal sealed class EmulatorDirectory(EntraEmulatorOptions options)
{
    public EntraEmulatorOptions Options => options;

    public string TenantId => options.TenantId;

    public IReadOnlyList<TestUser> Users => [.. options.Users];

    public AppRegistration? FindApplication(string? clientId) =>
        clientId is null ? null : options.Applications.ToArray().FirstOrDefault(a => a.ClientId.Equals(clientId, StringComparison.OrdinalIgnoreCase));

    public TestUser? FindUser(string? objectId) =>
        objectId is null ? null : options.Users.ToArray().FirstOrDefault(u => u.ObjectId.Equals(objectId, StringComparison.OrdinalIgnoreCase));

    /// <summary>A hint is either a UPN or the opaque <c>login_hint</c> claim value.</summary>
    public TestUser? FindUserByHint(string? hint) =>
        string.IsNullOrWhiteSpace(hint) ? null : options.Users.ToArray().FirstOrDefault(u =>
            u.UserPrincipalName.Equals(hint, StringComparison.OrdinalIgnoreCase) || LoginHintOf(u) == hint);

    public string HomeTenantOf(TestUser user) => user.IsPersonalAccount ? DevelopmentDefaults.ConsumersTenantId : options.TenantId;

    public string LoginHintOf(TestUser user) => OpaqueValues.LoginHint(HomeTenantOf(user), user.ObjectId);

    /// <summary>CORS is granted to the origins of registered SPA redirect URIs, and to nothing else.</summary>
    public bool IsRegisteredSpaOrigin(string? origin) =>
        origin is not null && options.Applications.ToArray().SelectMany(a => a.SpaRedirectUris).Any(uri => OriginOf(uri) == origin.TrimEnd('/'));

    public static string? OriginOf(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) ? parsed.GetLeftPart(UriPartial.Authority) : null;
}
