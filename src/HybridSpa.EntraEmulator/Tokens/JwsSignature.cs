using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HybridSpa.EntraEmulator.Tokens;

/// <summary>
/// Verifies a JWT's signature alone, with IdentityModel's own signature providers. The emulator checks audience, issuer and
/// lifetime itself, one by one, to answer each failure with Entra's or Graph's own message; validating the signature through
/// <see cref="TokenValidationParameters"/> with those checks switched off made IdentityModel log two warnings per call
/// (IDX10233, IDX10235), which in a web app hosting the emulator (Identity.Web routes IdentityModel's log) landed in its log.
/// </summary>
internal static class JwsSignature
{
    /// <summary>True when <paramref name="token"/> names one of <paramref name="algorithms"/> and one of <paramref name="keys"/> verifies it.</summary>
    public static bool IsValid(JsonWebToken token, IEnumerable<SecurityKey> keys, IReadOnlyCollection<string> algorithms)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(keys);
        if (!algorithms.Contains(token.Alg, StringComparer.Ordinal) || token.EncodedSignature.Length == 0)
        {
            return false;
        }

        byte[] signature;
        try
        {
            signature = Base64UrlEncoder.DecodeBytes(token.EncodedSignature);
        }
        catch (FormatException)
        {
            return false;
        }

        var signedBytes = Encoding.ASCII.GetBytes(token.EncodedHeader + "." + token.EncodedPayload);
        return keys.Any(key => Verifies(key, token.Alg, signedBytes, signature));
    }

    private static bool Verifies(SecurityKey key, string algorithm, byte[] signedBytes, byte[] signature)
    {
        var factory = key.CryptoProviderFactory;
        if (!factory.IsSupportedAlgorithm(algorithm, key))
        {
            return false;
        }

        var provider = factory.CreateForVerifying(key, algorithm);
        try
        {
            return provider.Verify(signedBytes, signature);
        }
        finally
        {
            factory.ReleaseSignatureProvider(provider);
        }
    }
}
