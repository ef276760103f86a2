using Microsoft.Identity.Client;

namespace HybridSpa.EntraEmulator.Tests.Support;

/// <summary>MSAL.NET 4.92.0 as the web app's confidential client, pointed at the emulator.</summary>
public static class MsalServer
{
    public static IConfidentialClientApplication WithSecret(
        EntraEmulatorHost host, string secret = DevelopmentDefaults.ClientSecret, string? authority = null, string[]? clientCapabilities = null) =>
        ConfidentialClientApplicationBuilder.Create(DevelopmentDefaults.ClientId)
            .WithClientSecret(secret)
            .WithClientCapabilities(clientCapabilities ?? [])
            .WithAuthority(authority ?? host.Authority)
            .WithInstanceDiscovery(false)
            .WithRedirectUri(DevelopmentDefaults.WebRedirectUri)
            .WithHttpClientFactory(new EmulatorHttpClientFactory(host))
            .Build();

    public static IConfidentialClientApplication WithCertificate(EntraEmulatorHost host, System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) =>
        ConfidentialClientApplicationBuilder.Create(EmulatorFixture.CertificateClientId)
            .WithCertificate(certificate)
            .WithAuthority(host.Authority)
            .WithInstanceDiscovery(false)
            .WithRedirectUri(EmulatorFixture.CertificateAppRedirectUri)
            .WithHttpClientFactory(new EmulatorHttpClientFactory(host))
            .Build();

    /// <summary>Redeems a Web code as the web app does: PKCE verifier plus return_spa_code=1.</summary>
    public static Task<AuthenticationResult> RedeemAsync(IConfidentialClientApplication app, string code, Pkce? pkce, bool spaCode = true, string[]? scopes = null)
    {
        var builder = app.AcquireTokenByAuthorizationCode(scopes ?? ["User.Read"], code).WithSpaAuthorizationCode(spaCode);
        if (pkce is not null)
        {
            builder = builder.WithPkceCodeVerifier(pkce.Verifier);
        }

        return builder.ExecuteAsync();
    }
}

/// <summary>Gives MSAL.NET an HttpClient that reaches the emulator and trusts its certificate.</summary>
public sealed class EmulatorHttpClientFactory(EntraEmulatorHost host) : IMsalHttpClientFactory, IDisposable
{
    private readonly HttpClient _client = new(host.CreateHttpHandler());

    public HttpClient GetHttpClient() => _client;

    public void Dispose() => _client.Dispose();
}
