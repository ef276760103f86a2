using System.Security.Cryptography.X509Certificates;

namespace HybridSpa.EntraEmulator.Hosting;

/// <summary>
/// The runnable's certificate options, for machines without this repository or a development certificate: serve a
/// certificate from a file, and write the one served to a PEM file that clients (NODE_EXTRA_CA_CERTS, curl --cacert,
/// an HttpClient) can trust.
/// </summary>
internal static class CertificateFiles
{
    /// <summary>A PKCS#12 file (with an optional password), or a PEM certificate with its PEM key (the key may be in the same file).</summary>
    public static X509Certificate2 Load(string path, string? keyPath, string? password)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"TLS certificate file '{full}' does not exist.", full);
        }

        if (full.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) || full.EndsWith(".crt", StringComparison.OrdinalIgnoreCase))
        {
            using var pem = X509Certificate2.CreateFromPemFile(full, keyPath is null ? null : Path.GetFullPath(keyPath));

            // Round-trip through PKCS#12 so the private key is usable by SslStream (Kestrel) on every platform.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }

        return X509CertificateLoader.LoadPkcs12FromFile(full, password);
    }

    /// <summary>Writes the certificate (never its key) as PEM, replacing the file in one step so a waiting reader never sees half of it.</summary>
    public static void ExportPem(X509Certificate2 certificate, string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        File.WriteAllText(temporary, certificate.ExportCertificatePem() + "\n");
        File.Move(temporary, full, overwrite: true);
    }
}
