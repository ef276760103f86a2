using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace HybridSpa.EntraEmulator.Tests.Support;

/// <summary>A PKCE verifier and its S256 challenge.</summary>
public sealed record Pkce(string Verifier, string Challenge)
{
    public static Pkce Create()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return new Pkce(verifier, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }
}
