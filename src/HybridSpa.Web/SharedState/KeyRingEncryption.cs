using System.Security.Cryptography.X509Certificates;
using Microsoft.Identity.Web;
using Microsoft.AspNetCore.DataProtection;

namespace HybridSpa.Web.SharedState;

/// <summary>
/// Encrypts the shared key ring at rest with <c>Cache:KeyRingCertificates</c>: new keys with the first certificate, and any
/// of them may decrypt (the certificates are handed to Data Protection directly, so no certificate store is needed).
/// </summary>
internal static class KeyRingEncryption
{
    /// <summary>
    /// Applies the certificates to the Data Protection builder. If one cannot be loaded nothing is applied here:
    /// <see cref="CacheOptionsValidator"/> then stops the app at startup with a message naming the entry.
    /// </summary>
    public static IDataProtectionBuilder ProtectKeysWith(this IDataProtectionBuilder dataProtection, IList<CertificateDescription> descriptions)
    {
        var certificates = new List<X509Certificate2>();
        foreach (var description in descriptions)
        {
            if (KeyRingCertificate.Load(description) is not { } certificate)
            {
                return dataProtection;
            }

            certificates.Add(certificate);
        }

        return certificates.Count == 0
            ? dataProtection
            : dataProtection.ProtectKeysWithCertificate(certificates[0]).UnprotectKeysWithAnyCertificate([.. certificates]);
    }
}
