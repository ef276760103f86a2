using System.Security.Cryptography.X509Certificates;
using HybridSpa.EntraEmulator.Hosting;

namespace HybridSpa.EntraEmulator.Tests;

/// <summary>The runnable's certificate files: serve one's own certificate (PEM or PKCS#12), export the one served as PEM for clients to trust.</summary>
public sealed class CertificateFilesTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("emulator-certificates-");
    private readonly X509Certificate2 _certificate = LoopbackCertificate.CreateSelfSigned("certificate files test", DateTimeOffset.UtcNow);

    public void Dispose()
    {
        _certificate.Dispose();
        _directory.Delete(recursive: true);
    }

    private string PathOf(string name) => Path.Combine(_directory.FullName, name);

    [Fact]
    public void Exported_pem_is_the_served_certificate_without_its_key()
    {
        CertificateFiles.ExportPem(_certificate, PathOf("exported/emulator.pem"));

        var text = File.ReadAllText(PathOf("exported/emulator.pem"));
        using var exported = X509Certificate2.CreateFromPem(text);
        Assert.Equal(_certificate.RawData, exported.RawData);
        Assert.DoesNotContain("PRIVATE KEY", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pem_certificate_with_a_separate_key_file_loads_with_its_private_key()
    {
        File.WriteAllText(PathOf("cert.pem"), _certificate.ExportCertificatePem());
        File.WriteAllText(PathOf("key.pem"), _certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());

        using var loaded = CertificateFiles.Load(PathOf("cert.pem"), PathOf("key.pem"), password: null);

        Assert.True(loaded.HasPrivateKey);
        Assert.Equal(_certificate.Thumbprint, loaded.Thumbprint);
    }

    [Fact]
    public void Pfx_with_a_password_loads_with_its_private_key()
    {
        File.WriteAllBytes(PathOf("cert.pfx"), _certificate.Export(X509ContentType.Pkcs12, "pfx-password"));

        using var loaded = CertificateFiles.Load(PathOf("cert.pfx"), keyPath: null, "pfx-password");

        Assert.True(loaded.HasPrivateKey);
    }

    [Fact]
    public void Missing_certificate_file_names_the_path()
    {
        var error = Assert.Throws<FileNotFoundException>(() => CertificateFiles.Load(PathOf("nowhere.pem"), null, null));

        Assert.Contains("nowhere.pem", error.Message, StringComparison.Ordinal);
    }
}
