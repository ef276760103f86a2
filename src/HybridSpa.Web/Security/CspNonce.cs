using System.Security.Cryptography;

namespace HybridSpa.Web.Security;

/// <summary>The per-request CSP nonce (scoped service), shared by the header and the script tags.</summary>
public sealed class CspNonce
{
    /// <summary>128 random bits, base64url: no '+' or '/' for the HTML encoder to rewrite in the nonce attribute.</summary>
    public string Value { get; } = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
}
