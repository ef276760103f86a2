using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HybridSpa.EntraEmulator.Errors;
using HybridSpa.EntraEmulator.Hosting;
using HybridSpa.EntraEmulator.Stores;
using HybridSpa.EntraEmulator.Tokens;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HybridSpa.EntraEmulator.Validation;

/// <summary>Validates a <c>client_assertion</c>: registered certificate (x5t / x5t#S256), signature, iss = sub = client_id, aud = token endpoint, lifetime, single-use jti.</summary>
internal sealed class ClientAssertionValidator(EmulatorUrls urls, AssertionReplayCache replays, TimeProvider clock)
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] AssertionAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSsaPssSha256];

    public AadstsError? Validate(AppRegistration app, PresentedCredential credential, TokenRequest request)
    {
        if (credential.AssertionType != TokenRequestParameters.JwtBearerAssertionType)
        {
            return AadstsErrors.MissingParameter(TokenRequestParameters.ClientAssertionType);
        }

        if (credential.Assertion is null)
        {
            return AadstsErrors.MissingParameter(TokenRequestParameters.ClientAssertion);
        }

        var token = Tokens.EmulatorTokenValidator.TryRead(credential.Assertion);
        if (token is null)
        {
            return AadstsErrors.AssertionSignatureInvalid();
        }

        var certificate = FindRegisteredCertificate(app, token);
        if (certificate is null)
        {
            return AadstsErrors.AssertionCertificateNotRegistered();
        }

        using (certificate)
        {
            if (!JwsSignature.IsValid(token, [new X509SecurityKey(certificate)], AssertionAlgorithms))
            {
                return AadstsErrors.AssertionSignatureInvalid();
            }
        }

        if (!ClaimEquals(token, "iss", app.ClientId) || !ClaimEquals(token, "sub", app.ClientId))
        {
            return AadstsErrors.AssertionIssuerMismatch();
        }

        if (!token.Audiences.Any(aud => AcceptedAudiences(request.Tenant).Contains(aud, StringComparer.OrdinalIgnoreCase)))
        {
            return AadstsErrors.AssertionAudienceInvalid();
        }

        var now = clock.GetUtcNow();
        var expires = ReadTime(token, "exp");
        var notBefore = ReadTime(token, "nbf");
        if (expires is null || expires + ClockSkew < now || notBefore - ClockSkew > now)
        {
            return AadstsErrors.AssertionOutsideValidity();
        }

        var jti = token.TryGetPayloadValue<string>("jti", out var id) ? id : null;
        return jti is null || !replays.TryUse(app.ClientId, jti, expires.Value + ClockSkew) ? AadstsErrors.AssertionReplayed() : null;
    }

    private IEnumerable<string> AcceptedAudiences(TenantRoute tenant) =>
    [
        urls.TenantEndpoint(tenant.Segment, "oauth2/v2.0/token"),
        urls.TenantEndpoint(tenant.TenantId ?? tenant.Segment, "oauth2/v2.0/token"),
        urls.Issuer(tenant.TenantId ?? tenant.Segment),
    ];

    private static X509Certificate2? FindRegisteredCertificate(AppRegistration app, JsonWebToken token)
    {
        var x5t = token.TryGetHeaderValue<string>("x5t", out var sha1) ? sha1 : null;
        var x5tS256 = token.TryGetHeaderValue<string>("x5t#S256", out var sha256) ? sha256 : null;
        foreach (var encoded in app.ClientCertificates)
        {
            var certificate = TryLoad(encoded);
            if (certificate is null)
            {
                continue;
            }

            if (Base64UrlEncoder.Encode(certificate.GetCertHash()) == x5t
                || Base64UrlEncoder.Encode(certificate.GetCertHash(HashAlgorithmName.SHA256)) == x5tS256)
            {
                return certificate;
            }

            certificate.Dispose();
        }

        return null;
    }

    private static X509Certificate2? TryLoad(string encoded)
    {
        try
        {
            return encoded.Contains("-----BEGIN", StringComparison.Ordinal)
                ? X509Certificate2.CreateFromPem(encoded)
                : X509CertificateLoader.LoadCertificate(Convert.FromBase64String(encoded));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }

    private static bool ClaimEquals(JsonWebToken token, string name, string expected) =>
        token.TryGetClaim(name, out var claim) && claim.Value.Equals(expected, StringComparison.OrdinalIgnoreCase);

    // MSAL.NET emits nbf/exp as JSON strings, so read the claim text rather than a typed number.
    private static DateTimeOffset? ReadTime(JsonWebToken token, string name) =>
        token.TryGetClaim(name, out var claim) && long.TryParse(claim.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            && seconds is > 0 and < 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
