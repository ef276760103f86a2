using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HybridSpa.Web.Tests.Infrastructure;

/// <summary>Mints id_tokens, well-formed by default, each aspect overridable to craft a hostile one.</summary>
public sealed class IdTokenBuilder
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public IdTokenBuilder(TestUser user, string? nonce)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Claims = new Dictionary<string, object?>
        {
            ["aud"] = TestSettings.ClientId,
            ["iss"] = TestSettings.Issuer,
            ["iat"] = now - 60,
            ["nbf"] = now - 60,
            ["exp"] = now + 3600,
            ["sub"] = "sub-" + user.Oid,
            ["oid"] = user.Oid,
            ["tid"] = user.TenantId,
            ["name"] = user.Name,
            ["preferred_username"] = user.PreferredUsername,
            ["login_hint"] = user.LoginHint,
            ["sid"] = user.Sid,
            ["ver"] = "2.0",
            ["nonce"] = nonce,
        };
    }

    public Dictionary<string, object?> Claims { get; }

    public SigningCredentials? Credentials { get; set; } = new(TestKeys.Published, SecurityAlgorithms.RsaSha256);

    public IdTokenBuilder With(string claim, object? value)
    {
        Claims[claim] = value;
        return this;
    }

    public IdTokenBuilder Without(string claim)
    {
        Claims.Remove(claim);
        return this;
    }

    public IdTokenBuilder SignedWith(SigningCredentials? credentials)
    {
        Credentials = credentials;
        return this;
    }

    public string Build()
    {
        var payload = JsonSerializer.Serialize(Claims.Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value));
        if (Credentials is null)
        {
            // alg "none": header and payload, empty signature.
            return Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"JWT\"}")) + "."
                + Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload)) + ".";
        }

        return Handler.CreateToken(payload, Credentials);
    }
}
