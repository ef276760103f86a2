using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace HybridSpa.Web.Tests.Infrastructure;

/// <summary>RSA keys the test identity provider signs with; only some of them are published in its JWKS.</summary>
public static class TestKeys
{
    public static readonly RsaSecurityKey Published = Create("published-key");
    public static readonly RsaSecurityKey Rollover = Create("rollover-key");
    public static readonly RsaSecurityKey Unknown = Create("unknown-key");

    private static RsaSecurityKey Create(string kid) => new(RSA.Create(2048)) { KeyId = kid };
}
