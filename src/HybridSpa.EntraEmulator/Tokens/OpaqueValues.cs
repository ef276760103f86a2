using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace HybridSpa.EntraEmulator.Tokens;

/// <summary>Random handles (codes, refresh tokens, session ids) and the opaque-looking per-user values Entra puts in tokens.</summary>
internal static class OpaqueValues
{
    public static string NewHandle(int bytes = 32) => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>Entra's <c>sub</c> is pairwise: the same user has a different subject in each app.</summary>
    public static string PairwiseSubject(string clientId, string objectId) => Digest("sub", clientId, objectId);

    /// <summary>The <c>login_hint</c> claim: opaque, stable per user, and accepted back as <c>login_hint</c> / <c>logout_hint</c>.</summary>
    public static string LoginHint(string tenantId, string objectId) => "O." + Digest("login_hint", tenantId, objectId);

    /// <summary>A stable 16-hex-digit <c>puid</c>.</summary>
    public static string Puid(string objectId) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("puid|" + objectId)), 0, 8);

    private static string Digest(params string[] parts) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', parts))));
}
