using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace HybridSpa.EntraEmulator.Tokens;

/// <summary>Signs a claim set as an RS256 JWT with the current key (<c>kid</c> and <c>x5t</c> in the header).</summary>
internal sealed class JwtSigner(SigningKeyRing keys)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public string Sign(IReadOnlyDictionary<string, object?> claims, IReadOnlyDictionary<string, object>? extraHeader = null)
    {
        var payload = JsonSerializer.Serialize(claims);
        return extraHeader is null
            ? _handler.CreateToken(payload, keys.Current.Credentials)
            : _handler.CreateToken(payload, keys.Current.Credentials, extraHeader.ToDictionary());
    }
}
