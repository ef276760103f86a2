using System.Security.Cryptography;
using System.Text;
using HybridSpa.EntraEmulator.Errors;
using HybridSpa.EntraEmulator.Tokens;

namespace HybridSpa.EntraEmulator.Validation;

/// <summary>Authenticates a confidential client: a registered secret, or a client assertion signed by a registered certificate.</summary>
internal sealed class ClientAuthenticator(ClientAssertionValidator assertions)
{
    /// <summary>SPA-type grants: a browser request without credential. Web-type grants: no Origin, and a valid credential.</summary>
    public (ClientAuthenticationMethod Method, AadstsError? Error) AuthenticateForGrant(
        bool isSpaGrant, AppRegistration app, PresentedCredential credential, TokenRequest request)
    {
        if (isSpaGrant)
        {
            return (ClientAuthenticationMethod.None, OriginRules.ForSpaGrant(request.Origin, credential));
        }

        return OriginRules.ForWebGrant(request.Origin) is { } originError
            ? (ClientAuthenticationMethod.None, originError)
            : Authenticate(app, credential, request);
    }

    private (ClientAuthenticationMethod Method, AadstsError? Error) Authenticate(
        AppRegistration app, PresentedCredential credential, TokenRequest request)
    {
        switch (credential.Kind)
        {
            case PresentedCredentialKind.Secret:
                return app.ClientSecrets.Any(s => FixedTimeEquals(s, credential.Secret!))
                    ? (ClientAuthenticationMethod.Secret, null)
                    : (ClientAuthenticationMethod.Secret, AadstsErrors.InvalidClientSecret(app.ClientId));
            case PresentedCredentialKind.Assertion:
                var error = assertions.Validate(app, credential, request);
                return (ClientAuthenticationMethod.Certificate, error);
            default:
                return (ClientAuthenticationMethod.None, AadstsErrors.MissingClientCredential());
        }
    }

    private static bool FixedTimeEquals(string expected, string presented) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}
