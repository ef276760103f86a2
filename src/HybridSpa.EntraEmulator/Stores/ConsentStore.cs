using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace HybridSpa.EntraEmulator.Stores;

/// <summary>Scopes each user has granted to each app (the emulator's OAuth2PermissionGrants).</summary>
internal sealed class ConsentStore
{
    private readonly ConcurrentDictionary<(string ClientId, string UserObjectId), ImmutableHashSet<string>> _grants = new();

    public IReadOnlySet<string> GrantedScopes(string clientId, string userObjectId) =>
        _grants.TryGetValue(Key(clientId, userObjectId), out var scopes) ? scopes : ImmutableHashSet<string>.Empty;

    public void Grant(string clientId, string userObjectId, IEnumerable<string> scopes) =>
        _grants.AddOrUpdate(
            Key(clientId, userObjectId),
            _ => scopes.ToImmutableHashSet(StringComparer.OrdinalIgnoreCase),
            (_, existing) => existing.Union(scopes));

    public void Clear() => _grants.Clear();

    private static (string, string) Key(string clientId, string userObjectId) => (clientId.ToLowerInvariant(), userObjectId.ToLowerInvariant());
}
