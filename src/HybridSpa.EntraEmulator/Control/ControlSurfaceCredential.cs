using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace HybridSpa.EntraEmulator.Control;

/// <summary>
/// The bearer token every control-surface call must carry: without it any local process could read client secrets and
/// passwords, or sign users out. Configured, or generated at start (256 random bits).
/// </summary>
internal sealed class ControlSurfaceCredential(string token)
{
    /// <summary>The token callers send as <c>Authorization: Bearer …</c>.</summary>
    public string Token { get; } = token;

    public static string Generate() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    /// <summary>True when the request's Authorization header is <c>Bearer</c> with exactly this token (compared in fixed time).</summary>
    public bool IsPresentedBy(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim())), SHA256.HashData(Encoding.UTF8.GetBytes(Token)));
    }
}
