using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;
using HybridSpa.Web.SignIn;

namespace HybridSpa.Web.FrontChannelLogout;

/// <summary>
/// The identity provider's sessions (<c>sid</c>) this app has signed users in under, in the shared <see cref="IDistributedCache"/>
/// so every instance sees them: whose tokens each one holds, and whether the identity provider has ended it. Each ticket carries
/// the epoch of the session it signed in under; a ticket of an ended session, or of an earlier epoch of a reused sid, is refused.
/// </summary>
public sealed class IdentityProviderSessions(IDistributedCache cache, IOptions<SignInLifetimeOptions> lifetime)
{
    private const string KeyPrefix = "HybridSpa.IdpSession.";

    /// <summary>
    /// Records a sign-in under <paramref name="sid"/> and returns the epoch its ticket must carry: the session's own while it
    /// lives, a new one once it has ended (so a reused sid does not revive the tickets it ended).
    /// </summary>
    public async Task<string> RecordSignInAsync(string sid, string? homeAccountId, CancellationToken cancellationToken)
    {
        var existing = await ReadAsync(sid, cancellationToken);
        var epoch = existing is { Ended: false } ? existing.Epoch : Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        await WriteAsync(sid, new IdentityProviderSession(homeAccountId ?? existing?.HomeAccountId, epoch, Ended: false), cancellationToken);
        return epoch;
    }

    /// <summary>
    /// Marks <paramref name="sid"/> ended, if this app signed anyone in under it, and returns it (with the account whose tokens it
    /// held). An unknown sid writes nothing: a caller can only end sessions whose sid it knows.
    /// </summary>
    public async Task<IdentityProviderSession?> EndAsync(string sid, CancellationToken cancellationToken)
    {
        if (await ReadAsync(sid, cancellationToken) is not { } session)
        {
            return null;
        }

        var ended = session with { Ended = true };
        await WriteAsync(sid, ended, cancellationToken);
        return ended;
    }

    /// <summary>True when a ticket signed in under <paramref name="sid"/> at <paramref name="epoch"/> must no longer be honoured.</summary>
    public async Task<bool> HasEndedAsync(string sid, string epoch, CancellationToken cancellationToken) =>
        await ReadAsync(sid, cancellationToken) is { } session && (session.Ended || session.Epoch != epoch);

    private async Task<IdentityProviderSession?> ReadAsync(string sid, CancellationToken cancellationToken)
    {
        var value = await cache.GetAsync(KeyOf(sid), cancellationToken);
        return value is null ? null : JsonSerializer.Deserialize<IdentityProviderSession>(value);
    }

    // As long as any ticket signed in under the session can live: the absolute lifetime, from the latest write.
    private Task WriteAsync(string sid, IdentityProviderSession session, CancellationToken cancellationToken) =>
        cache.SetAsync(
            KeyOf(sid),
            JsonSerializer.SerializeToUtf8Bytes(session),
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime.Value.AbsoluteLifetime },
            cancellationToken);

    // Hashed, so the key has one length and alphabet whatever the identity provider's sid looks like.
    private static string KeyOf(string sid) => KeyPrefix + Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(sid)));
}

/// <summary>
/// One identity-provider session: the home account id (<c>{uid}.{utid}</c>) of its tokens, the epoch its tickets carry, and
/// whether it has ended.
/// </summary>
public sealed record IdentityProviderSession(string? HomeAccountId, string Epoch, bool Ended);
