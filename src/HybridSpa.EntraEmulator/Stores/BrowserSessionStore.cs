using System.Collections.Concurrent;
using HybridSpa.EntraEmulator.Tokens;

namespace HybridSpa.EntraEmulator.Stores;

/// <summary>Browser sessions by cookie value; ended sessions are gone for good (logout invalidates server-side).</summary>
internal sealed class BrowserSessionStore
{
    private readonly ConcurrentDictionary<string, BrowserSession> _sessions = new(StringComparer.Ordinal);

    public BrowserSession Create()
    {
        var session = new BrowserSession(OpaqueValues.NewHandle(), Guid.NewGuid().ToString());
        _sessions[session.Id] = session;
        return session;
    }

    public BrowserSession? Find(string? id) =>
        id is not null && _sessions.TryGetValue(id, out var session) && !session.IsEnded ? session : null;

    public void End(BrowserSession session)
    {
        session.End();
        _sessions.TryRemove(session.Id, out _);
    }
}
