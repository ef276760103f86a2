using Microsoft.IdentityModel.JsonWebTokens;

namespace HybridSpa.EntraEmulator.Tests.Support;

/// <summary>Reads JWTs the emulator issued.</summary>
public static class Jwt
{
    public static JsonWebToken Read(string? token) => new(token ?? throw new ArgumentNullException(nameof(token)));

    public static string Claim(string? token, string name) => Read(token).GetClaim(name).Value;
}
