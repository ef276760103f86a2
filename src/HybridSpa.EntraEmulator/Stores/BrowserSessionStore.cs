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

    /// <summary>Ends every browser session; returns how many there were.</summary>
    public int EndAll()
    {
        var ended = 0;
        foreach (var session in _sessions.Values)
        {
            End(session);
            ended++;
        }

        return ended;
    }

    /// <summary>Signs one account out of every browser session (a session left without accounts ends); returns how many it was signed in to.</summary>
    public int SignOutEverywhere(string userObjectId)
    {
        var signedOut = 0;
        foreach (var session in _sessions.Values.Where(s => s.Find(userObjectId) is not null))
        {
            session.SignOut(userObjectId);
            signedOut++;
            if (session.Accounts.Count == 0)
            {
                End(session);
            }
        }

        return signedOut;
    }
}
