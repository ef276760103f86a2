using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HybridSpa.EntraEmulator.Tests.Support;
using Microsoft.Identity.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HybridSpa.EntraEmulator.Tests;

/// <summary>Confidential clients authenticating with a certificate-signed client_assertion.</summary>
public sealed class ClientAssertionTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly HttpClient _client = fixture.CreateClient();

    private EntraEmulatorHost Host => fixture.Host;

    public void Dispose() => _client.Dispose();

    private async Task<(string Code, AuthorizeRequest Request)> CertificateAppCodeAsync() =>
        await Flows.CodeAsync(Host, new AuthorizeRequest { ClientId = EmulatorFixture.CertificateClientId, RedirectUri = EmulatorFixture.CertificateAppRedirectUri });

    private HttpRequestMessage Redemption(string code, string verifier, string assertion) =>
        SpaRequests.Create(Host, null,
        [
            new("client_id", EmulatorFixture.CertificateClientId), new("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
            new("client_assertion", assertion), new("scope", "openid profile offline_access User.Read"), new("grant_type", "authorization_code"),
            new("code", code), new("redirect_uri", EmulatorFixture.CertificateAppRedirectUri), new("code_verifier", verifier), new("return_spa_code", "1"),
        ]);

    private string Assertion(X509Certificate2 signer, string? x5tFrom = null, string? audience = null, string? jti = null)
    {
        var thumbprintSource = x5tFrom is null ? signer : fixture.ClientCertificate;
        var now = DateTimeOffset.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = EmulatorFixture.CertificateClientId,
            Audience = audience ?? fixture.TokenEndpoint.ToString(),
            Claims = new Dictionary<string, object> { ["sub"] = EmulatorFixture.CertificateClientId, ["jti"] = jti ?? Guid.NewGuid().ToString() },
            NotBefore = now.UtcDateTime,
            Expires = now.AddMinutes(10).UtcDateTime,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signer.GetRSAPrivateKey()!), SecurityAlgorithms.RsaSha256),
            AdditionalHeaderClaims = new Dictionary<string, object> { ["x5t#S256"] = Base64UrlEncoder.Encode(thumbprintSource.GetCertHash(HashAlgorithmName.SHA256)) },
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    [Fact]
    public async Task Msal_net_with_a_registered_certificate_redeems_and_gets_a_spa_code()
    {
        var (code, request) = await CertificateAppCodeAsync();
        var app = MsalServer.WithCertificate(Host, fixture.ClientCertificate);

        var result = await app.AcquireTokenByAuthorizationCode(["User.Read"], code).WithPkceCodeVerifier(request.Pkce!.Verifier).WithSpaAuthorizationCode(true).ExecuteAsync();

        Assert.False(string.IsNullOrEmpty(result.SpaAuthCode));
        Assert.Equal("2", Jwt.Claim(result.AccessToken, "appidacr"));
    }

    [Fact]
    public async Task Assertion_signed_by_another_key_is_AADSTS700027()
    {
        var (code, request) = await CertificateAppCodeAsync();
        using var rsa = RSA.Create(2048);
        using var impostor = new CertificateRequest("CN=impostor", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        var response = await TokenResponse.SendAsync(_client, Redemption(code, request.Pkce!.Verifier, Assertion(impostor, x5tFrom: "registered")));

        response.AssertError(HttpStatusCode.Unauthorized, "invalid_client", 700027);
    }

    [Fact]
    public async Task Assertion_for_another_audience_is_rejected()
    {
        var (code, request) = await CertificateAppCodeAsync();

        var response = await TokenResponse.SendAsync(_client, Redemption(code, request.Pkce!.Verifier, Assertion(fixture.ClientCertificate, audience: "https://elsewhere.example/token")));

        response.AssertError(HttpStatusCode.Unauthorized, "invalid_client", 700023);
    }

    [Fact]
    public async Task Replayed_assertion_jti_is_rejected()
    {
        var (code1, request1) = await CertificateAppCodeAsync();
        var (code2, request2) = await CertificateAppCodeAsync();
        var assertion = Assertion(fixture.ClientCertificate);

        var first = await TokenResponse.SendAsync(_client, Redemption(code1, request1.Pkce!.Verifier, assertion));
        var replay = await TokenResponse.SendAsync(_client, Redemption(code2, request2.Pkce!.Verifier, assertion));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.Status);
        Assert.Equal("invalid_client", replay["error"]);
    }

    [Fact]
    public async Task Assertion_outside_its_validity_is_AADSTS700024()
    {
        var (code, request) = await CertificateAppCodeAsync();

        var response = await TokenResponse.SendAsync(_client, Redemption(code, request.Pkce!.Verifier, ExpiredAssertion()));

        response.AssertError(HttpStatusCode.Unauthorized, "invalid_client", 700024);
    }

    private string ExpiredAssertion()
    {
        var now = DateTimeOffset.UtcNow.AddHours(-2);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = EmulatorFixture.CertificateClientId,
            Audience = fixture.TokenEndpoint.ToString(),
            Claims = new Dictionary<string, object> { ["sub"] = EmulatorFixture.CertificateClientId, ["jti"] = Guid.NewGuid().ToString() },
            NotBefore = now.UtcDateTime,
            IssuedAt = now.UtcDateTime,
            Expires = now.AddMinutes(10).UtcDateTime,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(fixture.ClientCertificate.GetRSAPrivateKey()!), SecurityAlgorithms.RsaSha256),
            AdditionalHeaderClaims = new Dictionary<string, object> { ["x5t#S256"] = Base64UrlEncoder.Encode(fixture.ClientCertificate.GetCertHash(HashAlgorithmName.SHA256)) },
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    [Fact]
    public async Task Msal_net_with_an_unregistered_certificate_fails_as_invalid_client()
    {
        var (code, request) = await CertificateAppCodeAsync();
        using var rsa = RSA.Create(2048);
        using var other = new CertificateRequest("CN=other", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        using var withKey = X509CertificateLoader.LoadPkcs12(other.Export(X509ContentType.Pkcs12), null);

        var error = await Assert.ThrowsAsync<MsalServiceException>(() =>
            MsalServer.WithCertificate(Host, withKey).AcquireTokenByAuthorizationCode(["User.Read"], code).WithPkceCodeVerifier(request.Pkce!.Verifier).ExecuteAsync());

        Assert.Equal("invalid_client", error.ErrorCode);
        Assert.Contains("AADSTS700027", error.Message, StringComparison.Ordinal);
    }
}
