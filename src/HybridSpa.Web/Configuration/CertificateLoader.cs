using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HybridSpa.Web.Configuration;

/// <summary>Loads the certificates that configuration describes (<see cref="CertificateDescription"/>).</summary>
public static class CertificateLoader
{
    /// <summary>Loads one certificate; the exception says why it could not be loaded.</summary>
    /// <exception cref="InvalidOperationException">The description names no loadable certificate.</exception>
    public static X509Certificate2 Load(CertificateDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        try
        {
            return description.SourceType switch
            {
                "Path" => X509CertificateLoader.LoadPkcs12FromFile(description.CertificateDiskPath!, description.CertificatePassword),
                "Base64Encoded" => X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(description.Base64EncodedValue!), description.CertificatePassword),
                _ => throw new InvalidOperationException($"SourceType '{description.SourceType}' is not supported (use Path or Base64Encoded)."),
            };
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or FormatException or ArgumentException)
        {
            throw new InvalidOperationException(ex.Message, ex);
        }
    }

    /// <summary>The first description that loads; the exception lists why each one failed.</summary>
    /// <param name="descriptions">The candidates, in order.</param>
    /// <param name="setting">The configuration key they come from, for the message (e.g. <c>AzureAd:ClientCertificates</c>).</param>
    public static X509Certificate2 LoadFirst(IEnumerable<CertificateDescription> descriptions, string setting)
    {
        ArgumentNullException.ThrowIfNull(descriptions);
        var failures = new List<string>();
        foreach (var description in descriptions)
        {
            try
            {
                return Load(description);
            }
            catch (InvalidOperationException ex)
            {
                failures.Add(ex.Message);
            }
        }

        throw new InvalidOperationException($"None of {setting} could be loaded: " + string.Join("; ", failures));
    }
}
