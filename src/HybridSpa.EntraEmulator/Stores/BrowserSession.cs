using System.Collections.Concurrent;

namespace HybridSpa.EntraEmulator.Stores;

/// <summary>The emulator's session with one browser (its cookie): the accounts signed in there and the <c>session_state</c>.</summary>
internal sealed class BrowserSession(string id, string sessionState)
{
    private readonly ConcurrentDictionary<string, AccountSignIn> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private int _ended;

    public string Id { get; } = id;

    public string SessionState { get; } = sessionState;

    public bool IsEnded => Volatile.Read(ref _ended) == 1;

    public IReadOnlyList<AccountSignIn> Accounts => [.. _accounts.Values.OrderBy(a => a.AuthTime)];

    public AccountSignIn? Find(string userObjectId) => _accounts.TryGetValue(userObjectId, out var account) ? account : null;

    public AccountSignIn SignIn(string userObjectId, string sid, DateTimeOffset now) =>
        _accounts[userObjectId] = new AccountSignIn(userObjectId, sid, now);

    /// <summary>The account verified again (the step-up page) for this authentication context; false when it is not signed in here.</summary>
    public bool StepUp(string userObjectId, string authenticationContext)
    {
        if (Find(userObjectId) is not { } account)
        {
            return false;
        }

        _accounts[userObjectId] = account with { Acrs = [.. account.Acrs.Append(authenticationContext).Distinct(StringComparer.OrdinalIgnoreCase)] };
        return true;
    }

    /// <summary>Signs one account out of this browser session; the others stay signed in.</summary>
    public void SignOut(string userObjectId) => _accounts.TryRemove(userObjectId, out _);

    public void End() => Interlocked.Exchange(ref _ended, 1);
}

/// <summary>
/// One account signed in within a browser session; <c>Sid</c> is the <c>sid</c> claim; <c>Acrs</c> the authentication contexts
/// it stepped up for (the tokens' <c>acrs</c>, with <c>mfa</c> in <c>amr</c>).
/// </summary>
internal sealed record AccountSignIn(string UserObjectId, string Sid, DateTimeOffset AuthTime)
{
    public IReadOnlyList<string> Acrs { get; init; } = [];
}
