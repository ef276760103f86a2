using HybridSpa.Web.SharedState;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Identity.Client;

namespace HybridSpa.Web.TokenCache;

/// <summary>
/// Serializes MSAL.NET's user token cache per account into <see cref="IDistributedCache"/>, protected with Data
/// Protection, with an in-memory L1 in front so a page that needs a token does not always reach the shared store.
/// </summary>
public sealed class DistributedTokenCacheAdapter : IDisposable
{
    // Short L1 lifetime bounds how stale one instance can be when another instance rotated the same account's tokens.
    private static readonly TimeSpan L1Lifetime = TimeSpan.FromMinutes(1);

    // Web refresh tokens live up to 90 days of inactivity; a sliding fortnight keeps active users without hoarding.
    private static readonly DistributedCacheEntryOptions L2Entry = new() { SlidingExpiration = TimeSpan.FromDays(14) };

    private readonly IDistributedCache _distributed;
    private readonly IDataProtector _protector;
    private readonly MemoryCache _l1 = new(new MemoryCacheOptions { SizeLimit = 100 * 1024 * 1024 });

    /// <summary>Creates the adapter.</summary>
    public DistributedTokenCacheAdapter(IDistributedCache distributed, IDataProtectionProvider dataProtection)
    {
        ArgumentNullException.ThrowIfNull(dataProtection);
        _distributed = distributed;
        _protector = dataProtection.CreateProtector("HybridSpa.TokenCache", "v1");
    }

    /// <summary>Hooks the adapter into an MSAL.NET token cache.</summary>
    public void Attach(ITokenCache tokenCache)
    {
        ArgumentNullException.ThrowIfNull(tokenCache);
        tokenCache.SetBeforeAccessAsync(OnBeforeAccessAsync);
        tokenCache.SetAfterAccessAsync(OnAfterAccessAsync);
    }

    /// <inheritdoc />
    public void Dispose() => _l1.Dispose();

    internal async Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        if (_l1.TryGetValue(key, out byte[]? cached))
        {
            return cached;
        }

        var protectedBytes = await _distributed.GetAsync(CacheKey(key), cancellationToken);
        if (protectedBytes is null)
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = _protector.Unprotect(protectedBytes);
        }
        catch (System.Security.Cryptography.CryptographicException ex) when (!SharedStateUnavailableException.IsCauseOf(ex))
        {
            // A rotated-away key ring makes the entry unreadable: treat it as absent, the user signs in again. A key ring that
            // could not be read at all is the shared store being down: that stays an error (503), not a forced sign-in.
            return null;
        }

        SetL1(key, bytes);
        return bytes;
    }

    internal async Task WriteAsync(string key, byte[] bytes, CancellationToken cancellationToken)
    {
        // L2 first: if the shared store refuses the write, this instance must not serve tokens the others cannot see.
        await _distributed.SetAsync(CacheKey(key), _protector.Protect(bytes), L2Entry, cancellationToken);
        SetL1(key, bytes);
    }

    internal async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        _l1.Remove(key);
        await _distributed.RemoveAsync(CacheKey(key), cancellationToken);
    }

    private async Task OnBeforeAccessAsync(TokenCacheNotificationArgs args)
    {
        if (string.IsNullOrEmpty(args.SuggestedCacheKey))
        {
            return;
        }

        var bytes = await ReadAsync(args.SuggestedCacheKey, args.CancellationToken);
        args.TokenCache.DeserializeMsalV3(bytes, shouldClearExistingCache: true);
    }

    private async Task OnAfterAccessAsync(TokenCacheNotificationArgs args)
    {
        if (!args.HasStateChanged || string.IsNullOrEmpty(args.SuggestedCacheKey))
        {
            return;
        }

        if (args.HasTokens)
        {
            await WriteAsync(args.SuggestedCacheKey, args.TokenCache.SerializeMsalV3(), args.CancellationToken);
        }
        else
        {
            await RemoveAsync(args.SuggestedCacheKey, args.CancellationToken);
        }
    }

    private void SetL1(string key, byte[] bytes) =>
        _l1.Set(key, bytes, new MemoryCacheEntryOptions { Size = bytes.Length, AbsoluteExpirationRelativeToNow = L1Lifetime });

    private static string CacheKey(string key) => "msal.user." + key;
}
