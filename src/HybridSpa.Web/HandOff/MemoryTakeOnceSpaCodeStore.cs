using System.Collections.Concurrent;

namespace HybridSpa.Web.HandOff;

/// <summary><see cref="ITakeOnceSpaCodeStore"/> in this process (one instance): <c>TryRemove</c> is the atomic take.</summary>
public sealed class MemoryTakeOnceSpaCodeStore(TimeProvider timeProvider) : ITakeOnceSpaCodeStore
{
    // Codes nobody renders (a closed tab) would otherwise stay forever; a sweep at most this often bounds the dictionary.
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (string Code, DateTimeOffset ExpiresAt)> _codes = new(StringComparer.Ordinal);
    private long _nextSweepTicks;

    /// <summary>How many codes are held, expired ones included until a sweep removes them.</summary>
    internal int Count => _codes.Count;

    /// <inheritdoc />
    public Task PutAsync(string handOffId, string spaCode, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(handOffId);
        ArgumentException.ThrowIfNullOrEmpty(spaCode);
        var now = timeProvider.GetUtcNow();
        SweepExpired(now);
        _codes[handOffId] = (spaCode, now + lifetime);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<string?> TakeAsync(string handOffId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(handOffId);
        var code = _codes.TryRemove(handOffId, out var entry) && entry.ExpiresAt > timeProvider.GetUtcNow() ? entry.Code : null;
        return Task.FromResult(code);
    }

    private void SweepExpired(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweepTicks, (now + SweepInterval).UtcTicks, due) != due)
        {
            return;
        }

        foreach (var (id, entry) in _codes)
        {
            if (entry.ExpiresAt <= now)
            {
                // Removes only this expired value: a code stored again under the same id meanwhile stays.
                _codes.TryRemove(new KeyValuePair<string, (string, DateTimeOffset)>(id, entry));
            }
        }
    }
}
