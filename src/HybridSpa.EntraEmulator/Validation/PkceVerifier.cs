using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace HybridSpa.EntraEmulator.Validation;

/// <summary>RFC 7636: checks a code_verifier against the code_challenge sent to /authorize (S256 or plain).</summary>
internal static class PkceVerifier
{
    public const string S256 = "S256";
    public const string Plain = "plain";

    public static bool Matches(string verifier, string challenge, string method)
    {
        var computed = method == S256 ? Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) : verifier;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(challenge));
    }
}
