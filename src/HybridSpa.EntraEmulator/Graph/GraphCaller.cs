using HybridSpa.EntraEmulator.Configuration;

namespace HybridSpa.EntraEmulator.Graph;

/// <summary>
/// Who a Graph call is made as: the token's user in the token's tenant with its delegated scopes, or (an app-only token from
/// client credentials) no user and the app's application permissions (<c>roles</c>); and the app it was issued to.
/// </summary>
/// <param name="Token">What Graph's claims challenges look at: when the token was issued, whether its client is CAE-capable, its <c>acrs</c>.</param>
internal sealed record GraphCaller(DirectoryMember? SignedInMember, string TenantId, string ClientId, IReadOnlyList<string> Scopes, IReadOnlyList<string> Roles, GraphTokenFacts? Token = null)
{
    /// <summary>True for an app-only token: no signed-in user.</summary>
    public bool IsAppOnly => SignedInMember is null;

    /// <summary>The signed-in user; resources that need one are closed to app-only callers by <see cref="GraphPipeline"/>.</summary>
    public DirectoryMember Member => SignedInMember ?? throw new InvalidOperationException("An app-only Graph caller has no signed-in user.");

    public TestUser User => Member.User;

    /// <summary>Whether the caller holds one of the permission's delegated scopes, or for an app-only caller one of its application roles.</summary>
    public bool IsGranted(GraphPermission permission) => IsAppOnly
        ? permission.ApplicationAnyOf.Any(r => Roles.Contains(r, StringComparer.OrdinalIgnoreCase))
        : permission.AnyOf.Any(s => Scopes.Contains(s, StringComparer.OrdinalIgnoreCase));
}

/// <summary>The access token's issue time (its <c>iat</c> is backdated 5 minutes, as Entra's is), CAE capability (<c>xms_cc</c> cp1) and <c>acrs</c>.</summary>
internal sealed record GraphTokenFacts(DateTimeOffset IssuedAt, bool IsCaeCapable, IReadOnlyList<string> Acrs);
