using HybridSpa.Web.HandOff;
using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;

namespace HybridSpa.Web.SharedState.Redis;

/// <summary>
/// <see cref="ITakeOnceSpaCodeStore"/> in Redis: one key per hand-off with the code's lifetime as its TTL, and the take is one
/// <c>GETDEL</c> — a single command, which Redis runs atomically, so of two instances rendering the page for the same session
/// at once only one gets the code. Codes are stored as <see cref="SpaCodeProtection"/> keeps them. StackExchange.Redis takes no
/// cancellation token: its timeouts bound each call.
/// </summary>
public sealed class RedisTakeOnceSpaCodeStore(RedisConnection connection, IDataProtectionProvider dataProtection) : ITakeOnceSpaCodeStore
{
    private readonly SpaCodeProtection _protection = new(dataProtection);

    /// <inheritdoc />
    public Task PutAsync(string handOffId, string spaCode, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(handOffId);
        ArgumentException.ThrowIfNullOrEmpty(spaCode);
        var protectedCode = _protection.Protect(spaCode);
        return RedisFailures.GuardAsync(() => connection.Database.StringSetAsync(Key(handOffId), protectedCode, lifetime, When.Always, CommandFlags.None));
    }

    /// <inheritdoc />
    public async Task<string?> TakeAsync(string handOffId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(handOffId);
        var protectedCode = await RedisFailures.GuardAsync(() => connection.Database.StringGetDeleteAsync(Key(handOffId)));
        return protectedCode.IsNull ? null : _protection.Unprotect((byte[])protectedCode!);
    }

    /// <summary>The key a hand-off is stored under.</summary>
    internal static RedisKey Key(string handOffId) => RedisKeys.SpaCodePrefix + handOffId;
}
