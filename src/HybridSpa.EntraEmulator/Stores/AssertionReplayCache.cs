using System.Collections.Concurrent;

namespace HybridSpa.EntraEmulator.Stores;

/// <summary>Remembers client-assertion <c>jti</c> values until they expire, so each assertion is accepted once.</summary>
internal sealed class AssertionReplayCache(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    public bool TryUse(string clientId, string jti, DateTimeOffset expiresAt)
    {
        var now = clock.GetUtcNow();
        foreach (var (key, expiry) in _seen)
        {
            if (expiry < now)
            {
                _seen.TryRemove(key, out _);
            }
        }

        return _seen.TryAdd(clientId + "|" + jti, expiresAt);
    }

    public void Clear() => _seen.Clear();
}
