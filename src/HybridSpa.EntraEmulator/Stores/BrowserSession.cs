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

    /// <summary>
    /// Signs the account in (again): a new credential resets the sign-in time and any step-up, while an account already signed in
    /// here keeps its <c>sid</c> and the apps it signed into, as the browser's identity-provider session is the same one.
    /// </summary>
    public AccountSignIn SignIn(string userObjectId, string sid, DateTimeOffset now) =>
        _accounts[userObjectId] = Find(userObjectId) is { } existing
            ? existing with { AuthTime = now, Acrs = [] }
            : new AccountSignIn(userObjectId, sid, now);

    /// <summary>Records that the account signed in to this app (a code was issued to it): the apps front-channel logout calls.</summary>
    public void SignedInto(string userObjectId, string clientId)
    {
        if (Find(userObjectId) is { } account && !account.ClientIds.Contains(clientId, StringComparer.OrdinalIgnoreCase))
        {
            _accounts[userObjectId] = account with { ClientIds = [.. account.ClientIds, clientId] };
        }
    }

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
/// it stepped up for (the tokens' <c>acrs</c>, with <c>mfa</c> in <c>amr</c>); <c>ClientIds</c> the apps it signed in to.
/// </summary>
internal sealed record AccountSignIn(string UserObjectId, string Sid, DateTimeOffset AuthTime)
{
    public IReadOnlyList<string> Acrs { get; init; } = [];

    public IReadOnlyList<string> ClientIds { get; init; } = [];
}
