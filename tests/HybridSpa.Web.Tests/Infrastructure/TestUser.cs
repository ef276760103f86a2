namespace HybridSpa.Web.Tests.Infrastructure;

/// <summary>The user the test identity provider signs in.</summary>
public sealed record TestUser(string Oid, string TenantId, string Name, string PreferredUsername, string LoginHint, string Sid)
{
    public static TestUser Create(string? name = null, string? loginHint = null, string tenantId = TestSettings.TenantId)
    {
        var oid = Guid.NewGuid().ToString();
        return new TestUser(oid, tenantId, name ?? "Ada Lovelace", "ada@contoso.test", loginHint ?? "hint-" + oid[..8], "sid-" + oid[..8]);
    }
}
