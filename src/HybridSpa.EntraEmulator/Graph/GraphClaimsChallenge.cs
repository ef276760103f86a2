using System.Globalization;
using System.Text.Json;
using HybridSpa.EntraEmulator.Configuration;
using HybridSpa.EntraEmulator.Stores;

namespace HybridSpa.EntraEmulator.Graph;

/// <summary>
/// When Graph answers a valid token with a claims challenge: a CAE-capable token (<c>xms_cc</c> cp1) issued before the user's
/// sessions were revoked (asks for <c>nbf</c>), or a delegated token without the authentication context the app's
/// <see cref="AppRegistration.GraphAuthenticationContexts"/> demand on this path (asks for <c>acrs</c>).
/// </summary>
internal sealed class GraphClaimsChallenge(SignInRevocations revocations, EmulatorDirectory directory)
{
    /// <summary>A challenge: the claims request (JSON) the client must send, and Graph's error message.</summary>
    public sealed record Result(string ClaimsJson, string Message);

    public Result? For(PathString path, GraphCaller caller)
    {
        if (caller.IsAppOnly || caller.Token is not { } token)
        {
            return null;
        }

        if (token.IsCaeCapable && revocations.IsRevoked(caller.User.ObjectId, token.IssuedAt))
        {
            var revokedAt = revocations.RevokedAt(caller.User.ObjectId)!.Value.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            // UNCONFIRMED: the message; the claims are the nbf request Graph documents for a revoked session.
            return new Result(
                Request("nbf", revokedAt),
                "Continuous access evaluation resulted in challenge with result: InteractionRequired and code: TokenIssuedBeforeRevocationTimestamp");
        }

        if (RequiredContext(path, caller.ClientId) is { } context && !token.Acrs.Contains(context, StringComparer.OrdinalIgnoreCase))
        {
            // UNCONFIRMED: the message Graph gives for a missing authentication context.
            return new Result(Request("acrs", context), $"The access token does not satisfy the authentication context '{context}' this resource requires.");
        }

        return null;
    }

    private string? RequiredContext(PathString path, string clientId)
    {
        var app = directory.FindApplication(clientId);
        return app?.GraphAuthenticationContexts
            .Where(entry => path.StartsWithSegments(entry.Key.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            .Select(entry => entry.Value)
            .FirstOrDefault();
    }

    private static string Request(string claim, string value) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["access_token"] = new Dictionary<string, object> { [claim] = new Dictionary<string, object> { ["essential"] = true, ["value"] = value } },
        });
}
