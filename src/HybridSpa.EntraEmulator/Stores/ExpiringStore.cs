using System.Collections.Concurrent;

namespace HybridSpa.EntraEmulator.Stores;

/// <summary>A thread-safe in-memory map whose entries are swept some time after they expire.</summary>
internal abstract class ExpiringStore<T>(TimeProvider clock, Func<T, DateTimeOffset> expiresAt) where T : class
{
    // Expired entries are kept a while so a late request still gets "expired" rather than "unknown".
    private static readonly TimeSpan Retention = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<string, T> _entries = new(StringComparer.Ordinal);
    private int _writes;

    protected TimeProvider Clock => clock;

    public int Count => _entries.Count;

    public T? Find(string handle) => _entries.TryGetValue(handle, out var entry) ? entry : null;

    protected void Add(string handle, T entry)
    {
        _entries[handle] = entry;
        if (Interlocked.Increment(ref _writes) % 4096 == 0)
        {
            Sweep();
        }
    }

    protected void Remove(string handle) => _entries.TryRemove(handle, out _);

    /// <summary>Forgets every entry (a reset to the configured state).</summary>
    public void Clear() => _entries.Clear();

    private void Sweep()
    {
        var cutoff = clock.GetUtcNow() - Retention;
        foreach (var (handle, entry) in _entries)
        {
            if (expiresAt(entry) < cutoff)
            {
                _entries.TryRemove(handle, out _);
            }
        }
    }
}
