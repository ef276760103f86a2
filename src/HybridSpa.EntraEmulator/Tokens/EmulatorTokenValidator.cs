using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HybridSpa.EntraEmulator.Tokens;

/// <summary>Checks that a JWT was signed by one of the emulator's published keys (used by Graph and by logout's id_token_hint).</summary>
internal sealed class EmulatorTokenValidator(SigningKeyRing keys)
{
    /// <summary>Null when the string is not a JWT at all.</summary>
    public static JsonWebToken? TryRead(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 16 * 1024)
        {
            return null;
        }

        try
        {
            return new JsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Verifies the signature only (RS256, an emulator key); issuer, audience and lifetime are the caller's rules (checked against the emulator clock).</summary>
    public bool HasValidSignature(JsonWebToken token) =>
        JwsSignature.IsValid(token, keys.Keys.Select(k => k.SecurityKey), [SecurityAlgorithms.RsaSha256]);
}
