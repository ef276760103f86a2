using System.Collections.Concurrent;

namespace HybridSpa.EntraEmulator.Stores;

/// <summary>
/// When each user's sign-in sessions were last revoked (Graph's <c>revokeSignInSessions</c>): refresh tokens issued before it
/// are refused, and CAE-capable access tokens issued before it get a claims challenge from Graph.
/// </summary>
internal sealed class SignInRevocations
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _revokedAt = new(StringComparer.OrdinalIgnoreCase);

    public void Revoke(string userObjectId, DateTimeOffset at) => _revokedAt[userObjectId] = at;

    public DateTimeOffset? RevokedAt(string userObjectId) => _revokedAt.TryGetValue(userObjectId, out var at) ? at : null;

    /// <summary>True when something issued at <paramref name="issuedAt"/> predates the user's revocation (compared in whole seconds, as token times are).</summary>
    public bool IsRevoked(string userObjectId, DateTimeOffset issuedAt) =>
        RevokedAt(userObjectId) is { } at && issuedAt.ToUnixTimeSeconds() < at.ToUnixTimeSeconds();

    public void Clear() => _revokedAt.Clear();
}
