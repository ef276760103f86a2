using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HybridSpa.Web.Authentication.EntraSignIn;

/// <summary>
/// Entra's issuer rule (AadIssuerValidator's): the token's <c>iss</c> must equal the metadata issuer, where a
/// multi-tenant metadata issuer's <c>{tenantid}</c> template is filled with the token's own <c>tid</c>.
/// </summary>
internal static class EntraIssuerValidator
{
    private const string TenantIdTemplate = "{tenantid}";

    /// <summary>Creates a validator bound to the issuer of the current discovery document.</summary>
    public static IssuerValidator For(string metadataIssuer) => (issuer, token, _) =>
    {
        var expected = ExpectedIssuer(metadataIssuer, token as JsonWebToken);
        if (expected is not null && string.Equals(issuer, expected, StringComparison.Ordinal))
        {
            return issuer;
        }

        throw new SecurityTokenInvalidIssuerException("The id_token issuer does not match the identity provider's issuer.")
        {
            InvalidIssuer = issuer,
        };
    };

    private static string? ExpectedIssuer(string metadataIssuer, JsonWebToken? token)
    {
        if (string.IsNullOrEmpty(metadataIssuer))
        {
            return null;
        }

        if (!metadataIssuer.Contains(TenantIdTemplate, StringComparison.Ordinal))
        {
            return metadataIssuer;
        }

        return token is not null && token.TryGetPayloadValue<string>("tid", out var tid) && Guid.TryParse(tid, out _)
            ? metadataIssuer.Replace(TenantIdTemplate, tid, StringComparison.Ordinal)
            : null;
    }
}
