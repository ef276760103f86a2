using System.Collections.Immutable;

namespace HybridSpa.EntraEmulator.Tokens;

/// <summary>The published signing keys, oldest first; the newest signs. Supports key-rollover tests.</summary>
internal sealed class SigningKeyRing : IDisposable
{
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private readonly List<SigningKey> _retired = [];
    private ImmutableArray<SigningKey> _keys;

    public SigningKeyRing(TimeProvider clock)
    {
        _clock = clock;
        _keys = [SigningKey.Create(clock.GetUtcNow())];
    }

    public ImmutableArray<SigningKey> Keys => _keys;

    public SigningKey Current => _keys[^1];

    public void Add()
    {
        lock (_gate)
        {
            _keys = _keys.Add(SigningKey.Create(_clock.GetUtcNow()));
        }
    }

    public void RetireOldest()
    {
        lock (_gate)
        {
            if (_keys.Length == 1)
            {
                throw new InvalidOperationException("Cannot retire the only signing key: add a new one first.");
            }

            // Retired keys stay alive until disposal because a concurrent request may still be signing with one.
            _retired.Add(_keys[0]);
            _keys = _keys.RemoveAt(0);
        }
    }

    public void Dispose()
    {
        foreach (var key in _keys.Concat(_retired))
        {
            key.Dispose();
        }
    }
}
