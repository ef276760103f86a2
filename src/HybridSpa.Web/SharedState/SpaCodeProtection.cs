using System.Security.Cryptography;
using System.Text;
using HybridSpa.Web.HandOff;
using Microsoft.AspNetCore.DataProtection;

namespace HybridSpa.Web.SharedState;

/// <summary>
/// How the shared <see cref="ITakeOnceSpaCodeStore"/>s keep a code: protected with the shared key ring, so the store (and its
/// backups or snapshots) never holds a redeemable code in the clear, and any instance can read what another one put.
/// </summary>
internal sealed class SpaCodeProtection(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("HybridSpa.SpaCodeHandOff", "v1");

    /// <summary>The bytes to store for <paramref name="spaCode"/>.</summary>
    public byte[] Protect(string spaCode) => _protector.Protect(Encoding.UTF8.GetBytes(spaCode));

    /// <summary>The code, or null when it was protected with a key no longer in the ring.</summary>
    public string? Unprotect(byte[] protectedCode)
    {
        try
        {
            return Encoding.UTF8.GetString(_protector.Unprotect(protectedCode));
        }
        catch (CryptographicException ex) when (!SharedStateUnavailableException.IsCauseOf(ex))
        {
            // As good as expired: the SPA signs in again. (A key ring that could not be read at all is the store being down,
            // which must stay a 503.)
            return null;
        }
    }
}
