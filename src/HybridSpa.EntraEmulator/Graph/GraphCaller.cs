using HybridSpa.EntraEmulator.Configuration;

namespace HybridSpa.EntraEmulator.Graph;

/// <summary>Who a Graph call is made as: the token's user in the token's tenant, the app it was issued to, and its delegated scopes.</summary>
internal sealed record GraphCaller(DirectoryMember Member, string TenantId, string ClientId, IReadOnlyList<string> Scopes)
{
    public TestUser User => Member.User;

    public bool HasAny(IEnumerable<string> scopes) => scopes.Any(s => Scopes.Contains(s, StringComparer.OrdinalIgnoreCase));
}
