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

        var generated = LoopbackCertificate.CreateSelfSigned("HybridSpa Entra emulator", now, host);
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
}
