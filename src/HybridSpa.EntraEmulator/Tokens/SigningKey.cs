using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace HybridSpa.EntraEmulator.Tokens;

/// <summary>One RS256 signing key with the self-signed certificate JWKS publishes as <c>x5c</c>.</summary>
internal sealed class SigningKey : IDisposable
{
    private SigningKey(RSA rsa, X509Certificate2 certificate)
    {
        Rsa = rsa;
        Certificate = certificate;
        Thumbprint = Base64UrlEncoder.Encode(certificate.GetCertHash());
        SecurityKey = new X509SecurityKey(certificate, Thumbprint);
        Credentials = new SigningCredentials(SecurityKey, SecurityAlgorithms.RsaSha256);
    }

    public RSA Rsa { get; }

    public X509Certificate2 Certificate { get; }

    /// <summary>base64url SHA-1 of the certificate: Entra uses it as both <c>kid</c> and <c>x5t</c>.</summary>
    public string Thumbprint { get; }

    /// <summary>An X.509 key, so the JWT header gets <c>x5t</c> next to <c>kid</c>.</summary>
    public X509SecurityKey SecurityKey { get; }

    public SigningCredentials Credentials { get; }

    public static SigningKey Create(DateTimeOffset now)
    {
        var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=HybridSpa Entra emulator token signing", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(2));
        return new SigningKey(rsa, certificate);
    }

    public void Dispose()
    {
        Certificate.Dispose();
        Rsa.Dispose();
    }
}
