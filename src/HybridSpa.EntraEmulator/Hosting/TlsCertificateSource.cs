using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HybridSpa.EntraEmulator.Hosting;

/// <summary>Finds the TLS certificate: the ASP.NET Core development certificate if it covers the host, else a self-signed one made in memory.</summary>
internal static class TlsCertificateSource
{
    private const string AspNetHttpsOid = "1.3.6.1.4.1.311.84.1.1";

    public static (X509Certificate2 Certificate, string Description) Resolve(X509Certificate2? configured, string host, DateTimeOffset now)
    {
        if (configured is not null)
        {
            return (configured, $"the configured certificate {configured.Thumbprint}");
        }

        var development = FindDevelopmentCertificate(host, now);
        if (development is not null)
        {
            return (development, $"the ASP.NET Core development certificate {development.Thumbprint}");
        }

        var generated = CreateSelfSigned(host, now);
        return (generated, $"a self-signed certificate generated in memory for localhost, *.dev.localhost, {host} and 127.0.0.1 ({generated.Thumbprint})");
    }

    private static X509Certificate2? FindDevelopmentCertificate(string host, DateTimeOffset now)
    {
        try
        {
            using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            return store.Certificates
                .Where(c => c.Extensions.Any(e => e.Oid?.Value == AspNetHttpsOid) && c.HasPrivateKey)
                .Where(c => c.NotBefore <= now.UtcDateTime && c.NotAfter > now.UtcDateTime && Covers(c, host))
                .OrderByDescending(c => c.NotAfter)
                .FirstOrDefault();
        }
        catch (CryptographicException)
        {
            // A missing or unreadable store just means there is no development certificate to use.
            return null;
        }
    }

    private static bool Covers(X509Certificate2 certificate, string host)
    {
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(e => e.EnumerateDnsNames());
        return names.Any(name => name.Equals(host, StringComparison.OrdinalIgnoreCase)
            || (name.StartsWith("*.", StringComparison.Ordinal) && host.EndsWith(name[1..], StringComparison.OrdinalIgnoreCase)
                && !host[..^(name.Length - 1)].Contains('.', StringComparison.Ordinal)));
    }

    private static X509Certificate2 CreateSelfSigned(string host, DateTimeOffset now)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=HybridSpa Entra emulator", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in new[] { "localhost", "*.dev.localhost", host }.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            names.AddDnsName(name);
        }

        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));

        // Round-trip through PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
