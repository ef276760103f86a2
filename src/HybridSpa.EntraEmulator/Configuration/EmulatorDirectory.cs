using System.Security.Cryptography;
using System.Text;
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

    /// <summary>
    /// The user as <paramref name="tenantId"/> sees them. At home: their own object id and UPN. A personal account in the
    /// work tenant is a guest there, as in Entra: an object id of that tenant's own and an <c>#EXT#</c> UPN.
    /// </summary>
    public DirectoryMember MemberIn(TestUser user, string tenantId)
    {
        if (tenantId.Equals(HomeTenantOf(user), StringComparison.OrdinalIgnoreCase))
        {
            return new DirectoryMember(user, user.ObjectId, user.UserPrincipalName, IsGuest: false);
        }

        var guestId = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"guest|{tenantId.ToLowerInvariant()}|{user.ObjectId.ToLowerInvariant()}"))[..16]).ToString();
        var externalName = user.UserPrincipalName.Replace('@', '_') + "#EXT#@" + options.TenantDomain;
        return new DirectoryMember(user, guestId, externalName, IsGuest: true);
    }

    /// <summary>Everyone the tenant's directory lists: its own users and, in the work tenant, the personal accounts as guests.</summary>
    public IEnumerable<DirectoryMember> MembersOf(string tenantId)
    {
        if (tenantId.Equals(options.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return Users.Select(u => MemberIn(u, options.TenantId));
        }

        return tenantId.Equals(DevelopmentDefaults.ConsumersTenantId, StringComparison.OrdinalIgnoreCase)
            ? Users.Where(u => u.IsPersonalAccount).Select(u => MemberIn(u, tenantId))
            : [];
    }

    /// <summary>The member of <paramref name="tenantId"/> with this object id or user principal name.</summary>
    public DirectoryMember? FindMember(string tenantId, string? idOrUserPrincipalName) =>
        idOrUserPrincipalName is null ? null : MembersOf(tenantId).FirstOrDefault(m =>
            m.ObjectId.Equals(idOrUserPrincipalName, StringComparison.OrdinalIgnoreCase) || m.UserPrincipalName.Equals(idOrUserPrincipalName, StringComparison.OrdinalIgnoreCase));

    public string LoginHintOf(TestUser user) => OpaqueValues.LoginHint(HomeTenantOf(user), user.ObjectId);

    /// <summary>CORS is granted to the origins of registered SPA redirect URIs, and to nothing else.</summary>
    public bool IsRegisteredSpaOrigin(string? origin) =>
        origin is not null && options.Applications.ToArray().SelectMany(a => a.SpaRedirectUris).Any(uri => OriginOf(uri) == origin.TrimEnd('/'));

    public static string? OriginOf(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) ? parsed.GetLeftPart(UriPartial.Authority) : null;
}
