using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Identity.Web;

namespace HybridSpa.Web.SharedState;

/// <summary>Loads a <c>Cache:KeyRingCertificates</c> entry with Identity.Web's certificate loader (the same shape as <c>AzureAd:ClientCertificates</c>).</summary>
internal static class KeyRingCertificate
{
    /// <summary>The certificate, or null when the entry names none that loads.</summary>
    public static X509Certificate2? Load(CertificateDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        try
        {
            new DefaultCertificateLoader().LoadIfNeeded(description);
            return description.Certificate;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or IOException or ArgumentException)
        {
            return null;
        }
    }
}
