using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HybridSpa.EntraEmulator.Tests.Support;

/// <summary>One emulator per test class: the development defaults plus a certificate-authenticated app.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string CertificateClientId = "3f8e2a1b-7c6d-4e5f-9a0b-1c2d3e4f5a6b";
    public const string CertificateAppRedirectUri = "https://localhost:5001/signin-oidc-cert";

    public EntraEmulatorHost Host { get; private set; } = null!;

    /// <summary>The certificate (with private key) registered on the certificate-authenticated app.</summary>
    public X509Certificate2 ClientCertificate { get; } = CreateClientCertificate();

    public string TenantId => Host.Options.TenantId;

    public Uri TokenEndpoint => new($"{Host.Authority}oauth2/v2.0/token");

    public async Task InitializeAsync()
    {
        var options = EntraEmulatorOptions.CreateDefault();
        options.Applications.Add(new AppRegistration
        {
            ClientId = CertificateClientId,
            DisplayName = "Certificate client",
            ClientCertificates = [Convert.ToBase64String(ClientCertificate.RawData)],
            WebRedirectUris = [CertificateAppRedirectUri],
            DefaultConsentedScopes = ["User.Read"],
            ApplicationPermissions = ["User.Read.All"],
        });
        Host = await EntraEmulatorHost.StartAsync(options, new EntraEmulatorHostSettings { EnvironmentName = "Development" });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        ClientCertificate.Dispose();
    }

    public HttpClient CreateClient() => new(Host.CreateHttpHandler()) { BaseAddress = Host.BaseAddress };

    private static X509Certificate2 CreateClientCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=emulator test client", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
